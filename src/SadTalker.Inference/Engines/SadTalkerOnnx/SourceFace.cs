using SadTalker.Inference.Engines.SadTalkerOnnx.Networks;
using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Engines.SadTalkerOnnx;

/// <summary>The prepared source (sadtalker-facts.md §1 stage 1): the size² renderer input, its 73 coefficients and the crop.</summary>
/// <param name="Image">The S×S crop the renderer animates.</param>
/// <param name="Coefficients">coeff_3dmm: [exp 64 | angle 3 | trans 3 | s', t_x, t_y].</param>
/// <param name="Crop">The crop geometry, or null in resize mode (the whole image).</param>
public sealed record SourceFace(RgbImage Image, float[] Coefficients, FaceCrop? Crop)
{
    /// <summary>Crop (§2), 3DMM alignment and reconstruction (§3) of <paramref name="portrait"/> given its 68 landmarks.</summary>
    /// <param name="cropLandmarks">
    /// §3's second landmark pass on the size² crop (null result: no face there, so the five standard points are used).
    /// </param>
    public static SourceFace Prepare(
        RgbImage portrait, float[] landmarks, PreprocessMode mode, int size, FaceRecon recon, Func<RgbImage, float[]?> cropLandmarks)
    {
        ArgumentNullException.ThrowIfNull(portrait);
        ArgumentNullException.ThrowIfNull(recon);
        ArgumentNullException.ThrowIfNull(cropLandmarks);
        var framing = FaceFraming.From(landmarks, portrait.Width, portrait.Height, mode, size);
        var image = framing.Apply(portrait);
        return new SourceFace(image, Reconstruct(image, cropLandmarks(image), recon), framing.Crop);
    }

    /// <summary>
    /// The 73 kept coefficients of one size² crop (§3): <c>align_img</c> on its 68 landmarks (or on the five standard
    /// points when <paramref name="landmarks"/> is null), then the 3DMM network.
    /// </summary>
    internal static float[] Reconstruct(RgbImage image, float[]? landmarks, FaceRecon recon)
    {
        var align = landmarks is null
            ? FaceAlignment.FitStandardPoints(image.Width, image.Height)
            : FaceAlignment.Fit(landmarks, image.Width, image.Height);
        var full = recon.Predict(CropImages.Align(image, align));
        var (s, tx, ty) = align.CropParams;
        return FaceRecon.KeptCoefficients(full, s, tx, ty);
    }
}
