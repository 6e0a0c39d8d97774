using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Generation;

/// <summary>The API shape of a job.</summary>
public static class JobJson
{
    public static object From(GenerationJob j) => From(j, consentRevoked: null);

    public static object From(GenerationJob j, bool? consentRevoked) => new
    {
        id = j.Id, teamId = j.TeamId, state = j.State.ToString(), stage = j.Stage, framesDone = j.FramesDone, framesTotal = j.FramesTotal,
        percent = j.Percent, error = j.Error, warning = j.Warning, attempt = j.Attempt, portraitId = j.PortraitId, portraitName = j.PortraitName,
        audioClipId = j.AudioClipId, audioName = j.AudioName, engineId = j.EngineId, engineVersion = j.EngineVersion, modelVersions = j.ModelVersions,
        options = j.OptionsJson, use = j.Use.ToString(), createdUtc = j.CreatedUtc, startedUtc = j.StartedUtc, finishedUtc = j.FinishedUtc,
        timings = j.TimingsJson, video = j.VideoSha256, durationSeconds = j.DurationSeconds, sizeBytes = j.SizeBytes, width = j.Width,
        height = j.Height, fps = j.Fps, consentRevoked,
        refEyeblink = j.RefEyeblinkSha256 is null ? null : new { sha256 = j.RefEyeblinkSha256, name = j.RefEyeblinkName, durationSeconds = j.RefEyeblinkSeconds },
        refPose = j.RefPoseSha256 is null ? null : new { sha256 = j.RefPoseSha256, name = j.RefPoseName, durationSeconds = j.RefPoseSeconds },
        log = JobLog.Parse(j.LogJson).Select(l => new { timeUtc = l.TimeUtc, message = l.Message }),
    };
}
