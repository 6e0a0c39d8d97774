using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Contract;

public sealed class ModelManifestTests
{
    private static readonly PackContract Pack = SadTalkerPack.LoadContract(Path.Combine(RepoPaths.RepoRoot, "models"));

    [Fact]
    public void RepositoryManifest_DefinesEveryNetworkOfTheSadTalkerPack()
    {
        string[] roles = [ModelRoles.Landmarks, ModelRoles.FaceRecon, ModelRoles.ExpNet, ModelRoles.PoseVae, ModelRoles.Mapping70, ModelRoles.Mapping73, ModelRoles.Enhancer];
        Assert.All(roles, r => Assert.NotNull(Pack.Find(r)));
        string[] renderer = [ModelRoles.KeypointDetector, ModelRoles.Generator, ModelRoles.GeneratorEncoder, ModelRoles.GeneratorDecoder];
        Assert.All(renderer, r => Assert.NotNull(Pack.Find(r, 256)));
        Assert.All(renderer, r => Assert.NotNull(Pack.Find(r, 512)));
        Assert.Equal("sadtalker", Pack.Directory);
    }

    [Fact]
    public void RepositoryManifest_ShapesFollowTheFactsDocument()
    {
        // sadtalker-facts.md §3 (257 coefficients from 224²), §5 (mel 80x16, 64 exp), §6 (32-frame chunks), §7 (27-frame windows, 66 bins, 45 = 15x3).
        Assert.Equal("[batch, 3, 224, 224]", Pack.Find(ModelRoles.FaceRecon)!.Inputs[0].ShapeText);
        Assert.Equal("[batch, 257]", Pack.Find(ModelRoles.FaceRecon)!.Outputs[0].ShapeText);
        Assert.Equal("[chunks, 32, 1, 80, 16]", Pack.Find(ModelRoles.PoseVae)!.Inputs[0].ShapeText);
        Assert.Equal("int64", Pack.Find(ModelRoles.PoseVae)!.Inputs.Single(i => i.Name == "style").DType);
        Assert.Equal("[batch, 73, 27]", Pack.Find(ModelRoles.Mapping73)!.Inputs[0].ShapeText);
        Assert.Equal(["yaw", "pitch", "roll", "t", "exp"], Pack.Find(ModelRoles.Mapping70)!.Outputs.Select(o => o.Name));
        Assert.Equal("[batch, 32, 16, 128, 128]", Pack.Find(ModelRoles.GeneratorEncoder, 512)!.Outputs[0].ShapeText);
        Assert.All(Pack.Models, m => Assert.Null(m.Sha256)); // no official ONNX export exists to pin; SHA256SUMS pins a user's pack
    }

    [Fact]
    public void LoadPack_MalformedEntry_NamesThePathOfTheField()
    {
        using var dir = new TempDirectory();
        var path = dir.File("manifest.json");
        File.WriteAllText(path, """{ "packs": [ { "id": "sadtalker", "directory": "x", "models": [ { "id": "a", "role": "expnet", "file": "a.onnx", "inputs": [ { "name": "mel", "dtype": "float32", "shape": [1, true] } ], "outputs": [] } ] } ] }""");

        var ex = Assert.Throws<InvalidDataException>(() => ModelManifest.LoadPack(path, "sadtalker"));

        Assert.Contains("packs[sadtalker].models[0] (a).inputs[mel].shape", ex.Message, StringComparison.Ordinal);
    }
}
