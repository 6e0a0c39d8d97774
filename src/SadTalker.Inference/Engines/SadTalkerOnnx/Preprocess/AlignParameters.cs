namespace SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;

/// <summary>Result of the 5-point <c>align_img</c> fit (sadtalker-facts.md §3).</summary>
/// <param name="Scale">s' = 102 / s: the resize factor applied to the image before the 224² cut.</param>
/// <param name="TranslationX">t_x of the least-squares fit (pixels, y-up frame).</param>
/// <param name="TranslationY">t_y of the least-squares fit.</param>
/// <param name="ResizedWidth">int(W·s').</param>
/// <param name="ResizedHeight">int(H·s').</param>
/// <param name="Left">Left edge of the 224² window in the resized image (may be negative: zero fill).</param>
/// <param name="Up">Top edge of the window.</param>
public sealed record AlignParameters(
    double Scale, double TranslationX, double TranslationY, int ResizedWidth, int ResizedHeight, int Left, int Up)
{
    /// <summary>Side of the square the 3DMM network takes.</summary>
    public const int TargetSize = 224;

    /// <summary>The <c>s', t_x, t_y</c> that full/extfull append to the coefficients (§3: indices 70–72 of the 73-vector).</summary>
    public (float Scale, float TranslationX, float TranslationY) CropParams => ((float)Scale, (float)TranslationX, (float)TranslationY);
}
