using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Faces;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Enhance;

/// <summary>
/// Five points per frame from our BlazeFace detector: its best face → the stand-in 68 landmarks
/// (<see cref="BlazeFaceLandmarks"/>) → <c>align_img</c>'s five. The reference runs RetinaFace (its own five points) on
/// every frame; REVIEW: BlazeFace's eye and mouth keypoints are coarser, the mouth corners are derived.
/// </summary>
public sealed class BlazeFacePoints(BlazeFaceDetector detector) : IFacePointSource
{
    public bool TryLocate(RgbImage frame, Span<double> fivePoints)
    {
        var face = detector.Detect(frame).FirstOrDefault();
        if (face is null)
        {
            return false;
        }

        FfhqAlignment.FivePoints(BlazeFaceLandmarks.From(face), fivePoints);
        return true;
    }
}
