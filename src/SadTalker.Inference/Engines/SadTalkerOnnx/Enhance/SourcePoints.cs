using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Enhance;

/// <summary>The portrait's five points carried into the rendered frame: the enhancer's fallback before any detection succeeds.</summary>
public static class SourcePoints
{
    /// <summary>
    /// Maps the portrait's 68 <paramref name="landmarks"/> into a <paramref name="frameWidth"/> × <paramref name="frameHeight"/> output frame and
    /// returns its five points.
    /// </summary>
    /// <remarks>
    /// r = rsize / W (the §2 shrink). Full modes paste into the portrait at the paste rectangle, which is in rsize
    /// pixels (the §8 quirk), so a point lands at p·r. Crop modes show the paste rectangle (the cut) resized to the
    /// frame: (p·r − origin)·frame / cut. Resize mode squashes the whole portrait to the frame.
    /// </remarks>
    public static double[] InFrame(float[] landmarks, int portraitWidth, int portraitHeight, FaceCrop? crop, PreprocessMode mode, int frameWidth, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(landmarks);
        var five = new double[10];
        FfhqAlignment.FivePoints(landmarks, five);
        var (ox, oy, sx, sy) = (0.0, 0.0, (double)frameWidth / portraitWidth, (double)frameHeight / portraitHeight);
        if (crop is not null)
        {
            var r = (double)crop.ResizedWidth / portraitWidth;
            if (mode is PreprocessMode.Full or PreprocessMode.ExtFull)
            {
                (sx, sy) = (r, r);
            }
            else
            {
                var (l, t, right, b) = crop.PasteRectangle(mode == PreprocessMode.ExtCrop);
                (sx, sy) = ((double)frameWidth / (right - l), (double)frameHeight / (b - t));
                (ox, oy) = (l * sx, t * sy);
                (sx, sy) = (sx * r, sy * r);
            }
        }

        for (var i = 0; i < 5; i++)
        {
            five[2 * i] = (five[2 * i] * sx) - ox;
            five[(2 * i) + 1] = (five[(2 * i) + 1] * sy) - oy;
        }

        return five;
    }
}
