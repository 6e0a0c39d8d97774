namespace SadTalker.Inference.Imaging;

/// <summary>How <see cref="PoissonClone"/> turns its float solution into bytes.</summary>
public enum CloneRounding
{
    /// <summary>Truncate toward zero, as OpenCV's seamlessClone does (SadTalker's paste-back; default).</summary>
    TruncateLikeOpenCv,

    /// <summary>Round to nearest (ties to even): unbiased, and exact for patches the blend leaves unchanged.</summary>
    Nearest,
}
