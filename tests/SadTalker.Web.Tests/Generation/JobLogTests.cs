using SadTalker.Web.Features.Generation;

namespace SadTalker.Web.Tests.Generation;

/// <summary>The job log's bounds: newest 50 lines, 500 characters each, one line of text, always valid JSON.</summary>
public sealed class JobLogTests
{
    private static readonly DateTime Noon = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Append_KeepsTheNewestFiftyLines_Timestamped()
    {
        string? json = null;
        for (var i = 0; i < 60; i++)
        {
            json = JobLog.Append(json, Noon.AddSeconds(i), $"line {i}");
        }

        var lines = JobLog.Parse(json);
        Assert.Equal(JobLog.MaxLines, lines.Count);
        Assert.Equal("line 10", lines[0].Message);
        Assert.Equal("line 59", lines[^1].Message);
        Assert.Equal(Noon.AddSeconds(59), lines[^1].TimeUtc);
        Assert.Equal(DateTimeKind.Utc, lines[^1].TimeUtc.Kind);
    }

    [Fact]
    public void Append_MakesOneShortLine_AndStaysWithinTheColumn()
    {
        var line = JobLog.Parse(JobLog.Append(null, Noon, "first\r\n\tsecond   third")).Single();
        Assert.Equal("first second third", line.Message);

        var longLine = JobLog.Parse(JobLog.Append(null, Noon, new string('x', 2000))).Single().Message;
        Assert.Equal(JobLog.MaxLineLength, longLine.Length);
        Assert.EndsWith("…", longLine);

        string? json = null;
        for (var i = 0; i < 60; i++)
        {
            json = JobLog.Append(json, Noon, new string('<', 600)); // escaped in JSON: six times longer
        }

        Assert.InRange(json!.Length, 1, JobLog.MaxJsonLength);
        Assert.NotEmpty(JobLog.Parse(json));
        Assert.Empty(JobLog.Parse("not json"));
    }
}
