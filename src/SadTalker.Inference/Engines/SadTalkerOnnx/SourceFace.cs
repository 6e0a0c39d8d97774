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
    public static SourceFace Prepare(RgbImage portrait, float[] landmarks, PreprocessMode mode, int size, FaceRecon recon)
    {
        ArgumentNullException.ThrowIfNull(portrait);
        ArgumentNullException.ThrowIfNull(recon);
        RgbImage cut;
        FaceCrop? crop = null;
        if (mode == PreprocessMode.Resize)
        {
            cut = portrait;
        }
        else
        {
            crop = FaceCropRule.Compute(landmarks, portrait.Width, portrait.Height);
            var scaled = crop.Shrink > 1 ? CropImages.Resize(portrait, crop.ResizedWidth, crop.ResizedHeight) : portrait;
            var (l, t, r, b) = crop.Crop;
            cut = CropImages.Cut(scaled, l, t, r, b);
            if (mode is PreprocessMode.Crop or PreprocessMode.Full)
            {
                var inner = crop.InnerPixels;
                cut = CropImages.Cut(cut, inner.Left, inner.Top, inner.Right, inner.Bottom);
            }
        }

        var image = CropImages.Resize(cut, size, size);

        // §3: landmarks again on the size² crop. Without a landmark model they are the portrait's, mapped into the crop.
        var mapped = MapIntoCrop(landmarks, portrait, crop, mode, cut, size);
        var align = FaceAlignment.Fit(mapped, size, size);
        var full = recon.Predict(CropImages.Align(image, align));
        var (s, tx, ty) = align.CropParams;
        return new SourceFace(image, FaceRecon.KeptCoefficients(full, s, tx, ty), crop);
    }

    private static float[] MapIntoCrop(float[] landmarks, RgbImage portrait, FaceCrop? crop, PreprocessMode mode, RgbImage cut, int size)
    {
        var mapped = new float[landmarks.Length];
        double shrink = crop is { Shrink: > 1 } ? crop.Shrink : 1;
        var (ox, oy) = (0.0, 0.0);
        if (crop is not null)
        {
            (ox, oy) = (crop.Crop.Left, crop.Crop.Top);
            if (mode is PreprocessMode.Crop or PreprocessMode.Full)
            {
                (ox, oy) = (ox + crop.InnerPixels.Left, oy + crop.InnerPixels.Top);
            }

            shrink = (double)portrait.Width / crop.ResizedWidth;
        }

        for (var i = 0; i < landmarks.Length; i += 2)
        {
            mapped[i] = (float)(((landmarks[i] / shrink) - ox) * size / cut.Width);
            mapped[i + 1] = (float)(((landmarks[i + 1] / shrink) - oy) * size / cut.Height);
        }

        return mapped;
    }
}
