using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Faces;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>
/// AWing FAN, 98 WFLW points (sadtalker-facts.md §2), the <c>landmarks</c> model of the pack (required): a face box of an
/// image → the 68 iBUG points the crop rule and <c>align_img</c> read, in image pixels.
/// </summary>
/// <remarks>
/// As the reference: the box is cut at its int-truncated corners, resized to 256² (bilinear, aspect not kept), fed as
/// BGR/255 (the reference hands the net RGB arrays reversed to BGR); the first 98 of the 99 heatmaps are decoded by
/// <see cref="LandmarkHeatmaps.Decode"/> at the box's size and origin, then mapped to 68 points.
/// REVIEW: the reference boxes come from RetinaFace (§2); here from BlazeFace, whose box is a little looser.
/// </remarks>
public sealed class FaceLandmarks98 : IDisposable
{
    public const int InputSize = 256;
    public const int PointCount = 98;

    private readonly ContractSession _session;

    public FaceLandmarks98(SessionFactory sessions, string packDirectory, PackContract pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _session = new ContractSession(sessions, packDirectory, Contract(pack));
    }

    /// <summary>The 68 points (x0, y0, ...) of the face in <paramref name="box"/> of <paramref name="image"/>.</summary>
    public float[] Predict(RgbImage image, FaceBox box)
    {
        ArgumentNullException.ThrowIfNull(image);
        var left = Math.Clamp((int)box.X, 0, image.Width - 1);
        var top = Math.Clamp((int)box.Y, 0, image.Height - 1);
        var right = Math.Clamp((int)box.Right, left + 1, image.Width);
        var bottom = Math.Clamp((int)box.Bottom, top + 1, image.Height);
        var face = CropImages.Resize(CropImages.Cut(image, left, top, right, bottom), InputSize, InputSize);

        const int plane = InputSize * InputSize;
        var planes = new float[3 * plane];
        ImageTensor.ToPlanes(face, planes);
        for (var i = 0; i < plane; i++)
        {
            (planes[i], planes[(2 * plane) + i]) = (planes[(2 * plane) + i], planes[i]); // RGB → BGR
        }

        using var input = _session.Tensor(planes, 1, 3, InputSize, InputSize);
        using var outputs = _session.Run([input]);
        var heatmaps = outputs[0].GetTensorDataAsSpan<float>()[..(PointCount * LandmarkHeatmaps.Plane)];
        var wflw = new float[2 * PointCount];
        LandmarkHeatmaps.Decode(heatmaps, left, top, right - left, bottom - top, wflw);
        var points = new float[136];
        LandmarkHeatmaps.To68(wflw, points);
        return points;
    }

    public void Dispose() => _session.Dispose();

    private static ModelContract Contract(PackContract pack) =>
        pack.Find(ModelRoles.Landmarks) ?? throw new InvalidDataException("The pack contract has no landmark model.");
}
