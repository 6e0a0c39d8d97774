using SadTalker.Inference.Faces;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Engines.StudioLite;

/// <summary>The portrait cut and scaled to the output frame, with the face mapped into frame pixels.</summary>
/// <param name="Frame">The still frame every video frame starts from.</param>
/// <param name="Face">The face in <paramref name="Frame"/> pixels.</param>
internal sealed record PortraitLayout(RgbImage Frame, FaceDetection Face)
{
    // Crop side over the face box side: a head-and-shoulders square, wider for ExtCrop (SadTalker adds ~10% border
    // around a crop that is already about twice the eye-to-mouth geometry; these factors give a similar framing).
    private const float CropFactor = 2.4f;
    private const float ExtCropFactor = 3.0f;

    /// <summary>Full: the whole portrait, long side = size. Crop/ExtCrop: a size×size square around the face.</summary>
    public static PortraitLayout Create(RgbImage portrait, FaceDetection face, PreprocessMode mode, int size)
    {
        ArgumentNullException.ThrowIfNull(portrait);
        ArgumentNullException.ThrowIfNull(face);
        float left = 0, top = 0, width = portrait.Width, height = portrait.Height;
        int outWidth, outHeight;
        if (mode is PreprocessMode.Crop or PreprocessMode.ExtCrop)
        {
            var side = (mode == PreprocessMode.Crop ? CropFactor : ExtCropFactor) * Math.Max(face.Box.Width, face.Box.Height);
            side = MathF.Floor(Math.Min(side, Math.Min(portrait.Width, portrait.Height)));
            var centre = face.Box.Center;
            left = MathF.Floor(Math.Clamp(centre.X - (side / 2), 0, portrait.Width - side));
            top = MathF.Floor(Math.Clamp(centre.Y - (0.45f * side), 0, portrait.Height - side));
            width = height = side;
            outWidth = outHeight = size;
        }
        else
        {
            var scale = (float)size / Math.Max(portrait.Width, portrait.Height);
            outWidth = Even(portrait.Width * scale);
            outHeight = Even(portrait.Height * scale);
        }

        var (frame, usedWidth, usedHeight) = Resample(portrait, (int)left, (int)top, (int)width, (int)height, outWidth, outHeight);
        float sx = (float)outWidth / usedWidth, sy = (float)outHeight / usedHeight;
        FacePoint Map(FacePoint p) => new((p.X - left) * sx, (p.Y - top) * sy);
        var box = new FaceBox((face.Box.X - left) * sx, (face.Box.Y - top) * sy, face.Box.Width * sx, face.Box.Height * sy);
        return new PortraitLayout(frame, face with { Box = box, Keypoints = face.Keypoints.Select(Map).ToArray() });
    }

    /// <summary>Nearest even number, at least 2 (yuv420p needs even sizes).</summary>
    internal static int Even(float value) => Math.Max(2, 2 * (int)MathF.Round(value / 2));

    /// <summary>
    /// Cuts the rectangle and resizes it bilinearly; shrinking by 2× or more is preceded by a box average over
    /// factor×factor blocks so a large photo does not alias (bilinear alone has no low-pass filter).
    /// </summary>
    /// <returns>The frame and the source width and height it covers (the blocks may drop a few edge pixels).</returns>
    private static (RgbImage Frame, int Width, int Height) Resample(
        RgbImage source, int x0, int y0, int w, int h, int outWidth, int outHeight)
    {
        var factor = Math.Max(1, (int)Math.Min(w / (float)outWidth, h / (float)outHeight));
        int bw = w / factor, bh = h / factor;
        var block = new byte[bw * bh * RgbImage.Channels];
        var area = factor * factor;
        for (var y = 0; y < bh; y++)
        {
            for (var x = 0; x < bw; x++)
            {
                for (var c = 0; c < RgbImage.Channels; c++)
                {
                    var sum = 0;
                    for (var j = 0; j < factor; j++)
                    {
                        var row = source.GetRow(y0 + (y * factor) + j);
                        for (var i = 0; i < factor; i++)
                        {
                            sum += row[((x0 + (x * factor) + i) * RgbImage.Channels) + c];
                        }
                    }

                    block[(((y * bw) + x) * RgbImage.Channels) + c] = (byte)((sum + (area / 2)) / area);
                }
            }
        }

        var frame = new RgbImage(outWidth, outHeight);
        ImageResize.Bilinear(block, bw, bh, frame.Pixels, outWidth, outHeight);
        return (frame, bw * factor, bh * factor);
    }
}
