using SadTalker.Inference.Intake;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Library;

/// <summary>Adds a speech clip: ffprobe-sniffed, size- and duration-limited, decoded once to 16 kHz mono PCM, AAC playback copy, waveform (see <see cref="AudioIntake"/>).</summary>
public sealed class UploadAudio(LibraryIngest ingest, AudioIntake intake, TimeProvider clock)
{
    public Task<LibraryResult<AudioClip>> HandleAsync(UploadRequest request, CancellationToken ct) =>
        ingest.RunAsync<AudioIntakeResult, AudioClip>(
            request,
            (workDir, token) => intake.ProcessAsync(request.TempFile, workDir, token),
            r => [r.EngineWavPath, r.PlaybackPath, r.WaveformPath],
            r => (name, tags, fileName, blobs) => new AudioClip
            {
                Id = Guid.NewGuid(),
                TeamId = request.TeamId,
                Name = name,
                Tags = tags,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                CreatedByUserId = request.UserId,
                OriginalFileName = fileName,
                OriginalSha256 = blobs[0].Sha256,
                PcmSha256 = blobs[1].Sha256,
                PlaybackSha256 = blobs[2].Sha256,
                WaveformSha256 = blobs[3].Sha256,
                DurationSeconds = r.DurationSeconds,
                SampleRate = r.SampleRate,
                Channels = r.Channels,
                Codec = r.CodecName,
                Container = r.ContainerName,
                ByteCount = r.ByteCount,
            },
            ct);
}
