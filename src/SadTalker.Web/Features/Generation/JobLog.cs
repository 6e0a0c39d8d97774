using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Generation;

/// <summary>
/// A job's log: short timestamped lines from the worker (started, attempt, outcome) and the engine
/// (<see cref="Inference.Engines.EngineProgress.Notice"/>), kept as JSON on the job row. Bounded: the newest
/// <see cref="MaxLines"/> lines of at most <see cref="MaxLineLength"/> characters each.
/// </summary>
/// <remarks>
/// Appends read and rewrite the column. That is safe because one job's lines come from one place at a time: the
/// worker before and after the render, the progress pump (one task) during it.
/// </remarks>
public sealed class JobLog(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxLines = 50;
    public const int MaxLineLength = 500;

    /// <summary>Column limit; lines are dropped oldest first until the JSON fits (escaping can make a line longer than its text).</summary>
    public const int MaxJsonLength = 32000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The lines of <paramref name="json"/>, oldest first; empty for null or unreadable JSON.</summary>
    public static IReadOnlyList<JobLogLine> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<JobLogLine>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary><paramref name="json"/> with one more line (cleaned and shortened), within the bounds.</summary>
    public static string Append(string? json, DateTime utc, string message)
    {
        var lines = Parse(json).ToList();
        lines.Add(new JobLogLine(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Clean(message)));
        if (lines.Count > MaxLines)
        {
            lines.RemoveRange(0, lines.Count - MaxLines);
        }

        var text = JsonSerializer.Serialize(lines, Json);
        while (text.Length > MaxJsonLength && lines.Count > 1)
        {
            lines.RemoveAt(0);
            text = JsonSerializer.Serialize(lines, Json);
        }

        return text;
    }

    /// <summary>Adds a line to the job's log now; nothing happens when the job is gone.</summary>
    public async Task AppendAsync(Guid jobId, string message)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.GenerationJobs.Where(j => j.Id == jobId).Select(j => new { j.LogJson }).FirstOrDefaultAsync();
        if (row is null)
        {
            return;
        }

        var json = Append(row.LogJson, clock.GetUtcNow().UtcDateTime, message);
        await db.GenerationJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.LogJson, json));
    }

    /// <summary>One line of text: control characters become spaces, runs of spaces collapse, at most <see cref="MaxLineLength"/> characters.</summary>
    public static string Clean(string message)
    {
        var builder = new StringBuilder(Math.Min(message.Length, MaxLineLength + 1));
        foreach (var c in message)
        {
            var ch = char.IsControl(c) ? ' ' : c;
            if (ch == ' ' && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }

            builder.Append(ch);
        }

        var text = builder.ToString().TrimEnd();
        if (text.Length <= MaxLineLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxLineLength - 2]) ? MaxLineLength - 2 : MaxLineLength - 1;
        return text[..cut] + "…";
    }
}
