using SadTalker.Inference.Faces;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Engines;

/// <summary>One render: a portrait (a file or an already decoded image), a driving audio file and the options.</summary>
public sealed record EngineRequest
{
    /// <summary>Portrait image file (PNG, JPEG, ...). Exactly one of this and <see cref="Portrait"/> is set.</summary>
    public string? PortraitPath { get; init; }

    /// <summary>Already decoded portrait. Exactly one of this and <see cref="PortraitPath"/> is set.</summary>
    public RgbImage? Portrait { get; init; }

    /// <summary>Driving speech: any file ffmpeg reads (wav, mp3, m4a, the audio of a video).</summary>
    public required string AudioPath { get; init; }

    public GenerationOptions Options { get; init; } = new();

    /// <summary>
    /// The face to animate, in portrait pixels, when the caller already detected it (the library face check does);
    /// null lets the engine detect it.
    /// </summary>
    public FaceDetection? Face { get; init; }

    /// <summary>Checks that the inputs are present and the options in range; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if ((PortraitPath is null) == (Portrait is null))
        {
            errors.Add("Give exactly one portrait: a file path or a decoded image.");
        }
        else if (PortraitPath is not null && !File.Exists(PortraitPath))
        {
            errors.Add($"Portrait file not found: {PortraitPath}");
        }

        if (string.IsNullOrWhiteSpace(AudioPath))
        {
            errors.Add("An audio file is required.");
        }
        else if (!File.Exists(AudioPath))
        {
            errors.Add($"Audio file not found: {AudioPath}");
        }

        if (Face is { Keypoints.Count: < 4 })
        {
            errors.Add("A precomputed face needs its BlazeFace keypoints (eyes, nose, mouth).");
        }

        errors.AddRange(Options.Validate());
        return errors;
    }
}
