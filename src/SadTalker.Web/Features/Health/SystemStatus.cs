using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;
using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Generation;
using SadTalker.Web.Hosting;

namespace SadTalker.Web.Features.Health;

/// <summary>Checks the app's dependencies for <c>/healthz</c> and the status page.</summary>
public sealed class SystemStatus(
    IDbContextFactory<AppDbContext> dbFactory,
    SessionFactory sessions,
    IOptions<StorageOptions> storage,
    IHostEnvironment env,
    GenerationEngines engines,
    TimeProvider clock)
{
    /// <summary>Below this much free space under the data folder the app reports itself unhealthy.</summary>
    public const long MinFreeBytes = 512L * 1024 * 1024;

    private string? _ffmpegVersion;

    public async Task<HealthReport> CheckAsync(CancellationToken ct = default)
    {
        var database = await CheckDatabaseAsync(ct);
        var ffmpeg = await CheckFfmpegAsync(ct);
        var ort = sessions.Describe();
        var onnx = new OnnxRuntimeHealth(true, ort.OrtVersion, ort.Device.ToString().ToLowerInvariant(), ort.Reason);
        var disk = CheckDisk();
        var ok = database.Ok && ffmpeg.Ok && onnx.Ok && disk.Ok;
        return new HealthReport(ok ? "healthy" : "unhealthy", clock.GetUtcNow(), database, ffmpeg, onnx, disk, CheckSadTalkerPack());
    }

    /// <summary>The engine's availability: the full pack verification (cached until a model file changes).</summary>
    private ComponentHealth CheckSadTalkerPack()
    {
        var availability = engines.Find(SadTalkerEngine.EngineId)?.CheckAvailability();
        return availability is null
            ? new ComponentHealth(false, "The SadTalker engine is not registered.")
            : new ComponentHealth(availability.IsAvailable, availability.Reason);
    }

    private async Task<ComponentHealth> CheckDatabaseAsync(CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            var users = await db.Users.CountAsync(ct);
            return pending == 0
                ? new ComponentHealth(true, $"sqlite, {users} user(s), schema up to date")
                : new ComponentHealth(false, $"{pending} migration(s) pending");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ComponentHealth(false, ex.Message);
        }
    }

    private async Task<ComponentHealth> CheckFfmpegAsync(CancellationToken ct)
    {
        if (_ffmpegVersion is not null)
        {
            return new ComponentHealth(true, _ffmpegVersion);
        }

        try
        {
            var result = await MediaTool.Ffmpeg.RunAsync(["-hide_banner", "-version"], ct);
            var firstLine = System.Text.Encoding.UTF8.GetString(result.StandardOutput).Split('\n', 2)[0].Trim();
            _ffmpegVersion = firstLine;
            return new ComponentHealth(true, firstLine);
        }
        catch (MediaToolException ex)
        {
            return new ComponentHealth(false, ex.Message);
        }
    }

    private DiskHealth CheckDisk()
    {
        var dir = storage.Value.ResolveDataDir(env.ContentRootPath);
        var drive = new DriveInfo(Path.GetPathRoot(dir) ?? "/");
        try
        {
            // DriveInfo on Linux reports the mount containing the path when given the path itself.
            drive = new DriveInfo(dir);
        }
        catch (ArgumentException)
        {
        }

        return new DiskHealth(drive.AvailableFreeSpace >= MinFreeBytes, dir, drive.AvailableFreeSpace, drive.TotalSize);
    }
}
