using System.Text.Json;

namespace SadTalker.Web.Features.Generation.References;

/// <summary>The reference videos picked on the Generate form: uploaded (staged) files, or the eye-blink one for both.</summary>
public sealed class ReferenceVideoChoice
{
    /// <summary>An upload the server accepted: its token and what to show.</summary>
    public sealed record Upload(string Token, string Name, double DurationSeconds)
    {
        /// <summary>Reads the JSON that <c>POST /api/generation/reference-videos</c> answers.</summary>
        public static Upload FromJson(JsonElement json) => new(
            json.GetProperty("token").GetString() ?? "", json.GetProperty("name").GetString() ?? "", json.GetProperty("durationSeconds").GetDouble());
    }

    public Upload? Eyeblink { get; set; }

    public Upload? Pose { get; set; }

    public bool PoseSameAsEyeblink { get; set; }

    public ReferenceVideoUploads ToUploads() => new(Eyeblink?.Token, PoseSameAsEyeblink ? Eyeblink?.Token : Pose?.Token);
}
