using System.Globalization;

namespace SadTalker.Web.Features.Audit;

/// <summary>Audit log filters shared by the pages and the CSV export: dates are UTC days, both ends inclusive; action matches by prefix.</summary>
public sealed record AuditFilter(DateOnly? From, DateOnly? To, string? Actor, Guid? TeamId, string? Action)
{
    /// <summary>The filter as the export's query string (same names as the endpoint's parameters).</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        Add(parts, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "actor", Actor);
        Add(parts, "team", TeamId?.ToString());
        Add(parts, "action", Action);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
        }
    }
}
