namespace SadTalker.Web.Features.Health;

/// <summary>
/// The <c>/healthz</c> document. <see cref="Status"/> is <c>healthy</c> or <c>unhealthy</c>; the optional SadTalker
/// model pack (<see cref="SadTalkerPack"/>) is reported but does not make the app unhealthy.
/// </summary>
public sealed record HealthReport(
    string Status,
    DateTimeOffset CheckedUtc,
    ComponentHealth Database,
    ComponentHealth Ffmpeg,
    OnnxRuntimeHealth OnnxRuntime,
    DiskHealth Disk,
    ComponentHealth SadTalkerPack);

/// <summary>One dependency: whether it works and a short detail (version or error).</summary>
public sealed record ComponentHealth(bool Ok, string Detail);

public sealed record OnnxRuntimeHealth(bool Ok, string Version, string Device, string Reason);

public sealed record DiskHealth(bool Ok, string Path, long FreeBytes, long TotalBytes);
