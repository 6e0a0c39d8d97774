namespace SadTalker.Inference.Engines;

/// <summary>
/// How the portrait is framed before animation: SadTalker's <c>--preprocess</c> values
/// (OpenTalker/SadTalker cd4c046 inference.py: crop, extcrop, resize, full, extfull).
/// </summary>
public enum PreprocessMode
{
    /// <summary>A tight square around the face; the output is that square.</summary>
    Crop,

    /// <summary>Like <see cref="Crop"/> with a wider margin around the face.</summary>
    ExtCrop,

    /// <summary>The whole portrait squashed to a square (aspect ratio not kept).</summary>
    Resize,

    /// <summary>The whole portrait keeps its framing; only the face region is animated.</summary>
    Full,

    /// <summary>Like <see cref="Full"/>, animating an <see cref="ExtCrop"/> region before pasting it back.</summary>
    ExtFull,
}
