namespace SadTalker.Web.Features.Generation;

/// <summary>One line of a <see cref="JobLog"/>.</summary>
public sealed record JobLogLine(DateTime TimeUtc, string Message);
