namespace SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

/// <summary>The <c>role</c> values of the SadTalker pack (models/manifest.json), one per network of sadtalker-facts.md §1.</summary>
public static class ModelRoles
{
    public const string Landmarks = "landmarks";
    public const string FaceRecon = "face-recon";
    public const string ExpNet = "expnet";
    public const string PoseVae = "posevae";
    public const string Mapping70 = "mapping-70";
    public const string Mapping73 = "mapping-73";
    public const string KeypointDetector = "kp-detector";
    public const string Generator = "generator";
    public const string GeneratorEncoder = "generator-encoder";
    public const string GeneratorDecoder = "generator-decoder";
    public const string Enhancer = "enhancer";
}
