namespace SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

/// <summary>Outcome of checking one model file.</summary>
public enum ModelCheckState
{
    /// <summary>Present and matching the contract.</summary>
    Ok,

    /// <summary>No file at the expected path.</summary>
    Missing,

    /// <summary>Present but unreadable or not matching (names, ranks, dims, dtypes, hash).</summary>
    Invalid,
}
