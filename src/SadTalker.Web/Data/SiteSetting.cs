namespace SadTalker.Web.Data;

/// <summary>An installation-wide setting changed by an Admin at run time (overrides the configured default).</summary>
public class SiteSetting
{
    public required string Key { get; set; }

    public required string Value { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public string? UpdatedByUserId { get; set; }
}
