using System.Globalization;
using System.Text;

namespace SadTalker.Web.Features.Audit;

/// <summary>RFC 4180 CSV of audit rows: CRLF line ends, every field that needs it quoted with quotes doubled.</summary>
public static class AuditCsv
{
    public const string Header = "time_utc,actor_email,actor_id,team,team_id,action,target_id,ip,detail";

    public static async Task WriteAsync(TextWriter writer, IEnumerable<AuditRow> rows, CancellationToken ct)
    {
        await writer.WriteAsync(Header + "\r\n");
        foreach (var r in rows)
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteAsync(string.Join(',',
                Field(r.TimeUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
                Field(r.ActorEmail), Field(r.ActorUserId), Field(r.TeamName), Field(r.TeamId?.ToString()),
                Field(r.Action), Field(r.TargetId), Field(r.Ip), Field(r.DetailJson)) + "\r\n");
        }
    }

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // A cell starting with = + - @ is a formula to spreadsheets (CSV injection): a leading apostrophe defuses it.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
