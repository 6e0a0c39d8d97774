using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Runtime;
using SadTalker.Inference.Tests.Models;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Contract;

public sealed class ModelPackVerifierTests(SadTalkerPackFixture fixture) : IClassFixture<SadTalkerPackFixture>
{
    private static readonly SessionFactory Sessions = new(new SessionFactoryOptions { Device = InferenceDevice.Cpu });

    [Fact]
    public void Verify_MatchingPack_IsUsableWithEverySizeAndOption()
    {
        var result = ModelPackVerifier.Verify(fixture.Contract, fixture.PackDirectory, Sessions);

        Assert.All(result.Checks, c => Assert.True(c.State == ModelCheckState.Ok, c.Summary));
        Assert.Empty(result.Problems);
        Assert.True(result.IsUsable);
        Assert.Equal([256, 512], result.RendererSizes);
        Assert.True(result.HasFullModes && result.HasEnhancer && result.HasSplitGenerator(256));
        Assert.All(result.Checks, c => Assert.Equal(17, c.Opset));
        Assert.True(result.ToAvailability().IsAvailable);
    }

    [Fact]
    public void Verify_MissingRequiredFile_NamesItAndIsUnavailable()
    {
        using var pack = fixture.CopyPack();
        File.Delete(pack.File("expnet.onnx"));

        var result = ModelPackVerifier.Verify(fixture.Contract, pack.Path, Sessions);

        Assert.Equal(ModelCheckState.Missing, result.Check(ModelRoles.ExpNet)!.State);
        Assert.Contains("expnet.onnx is missing", result.Problems);
        var availability = result.ToAvailability();
        Assert.False(availability.IsAvailable);
        Assert.Contains("expnet.onnx is missing", availability.Reason, StringComparison.Ordinal);
        Assert.Contains("models verify", availability.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WrongDim_ReportsTensorDimAndBothShapes()
    {
        using var pack = fixture.CopyPack();
        File.Copy(fixture.Variant("expnet_wrong_dim"), pack.File("expnet.onnx"), overwrite: true);

        var check = ModelPackVerifier.Verify(fixture.Contract, pack.Path, Sessions).Check(ModelRoles.ExpNet)!;

        Assert.Equal(ModelCheckState.Invalid, check.State);
        Assert.Equal(["input 'mel' dim 2 is 64 [batch, 1, 64, 16], contract 80 [batch, 1, 80, 16]"], check.Problems);
    }

    [Fact]
    public void Verify_WrongDtype_ReportsBothTypes()
    {
        using var pack = fixture.CopyPack();
        File.Copy(fixture.Variant("expnet_wrong_dtype"), pack.File("expnet.onnx"), overwrite: true);

        var result = ModelPackVerifier.Verify(fixture.Contract, pack.Path, Sessions);

        Assert.Equal(["input 'ref_exp' dtype is float64, contract float32"], result.Check(ModelRoles.ExpNet)!.Problems);
        Assert.False(result.IsUsable);
    }

    [Fact]
    public void Verify_RenamedInput_ReportsMissingAndUnexpectedNames()
    {
        using var pack = fixture.CopyPack();
        File.Copy(fixture.Variant("expnet_renamed"), pack.File("expnet.onnx"), overwrite: true);

        var problems = ModelPackVerifier.Verify(fixture.Contract, pack.Path, Sessions).Check(ModelRoles.ExpNet)!.Problems;

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("input 'blink_ratio' is missing (the model's inputs: ", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("unexpected input 'ratio'", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WrongHashInChecksumFile_ReportsActualAndListed()
    {
        using var pack = fixture.CopyPack();
        var wrong = new string('0', 64);
        File.WriteAllText(pack.File(ModelPackVerifier.ChecksumFile), $"{wrong}  face_recon.onnx\n");

        var check = ModelPackVerifier.Verify(fixture.Contract, pack.Path, Sessions).Check(ModelRoles.FaceRecon)!;

        Assert.Equal(ModelCheckState.Invalid, check.State);
        var problem = Assert.Single(check.Problems);
        Assert.Matches($"^sha256 is [0-9a-f]{{64}}, SHA256SUMS lists {wrong}$", problem);
    }

    [Fact]
    public void Verify_ContractHash_AcceptsTheRightFileAndRejectsAnother()
    {
        using var pack = fixture.CopyPack();
        var right = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(pack.File("mapping_70.onnx"))));
        var pinned = fixture.Contract with
        {
            Models = fixture.Contract.Models.Select(m => m.Role == ModelRoles.Mapping70 ? m with { Sha256 = right } : m).ToList(),
        };
        Assert.Equal(ModelCheckState.Ok, ModelPackVerifier.Verify(pinned, pack.Path, Sessions).Check(ModelRoles.Mapping70)!.State);

        File.Copy(pack.File("mapping_73.onnx"), pack.File("mapping_70.onnx"), overwrite: true);
        var check = ModelPackVerifier.Verify(pinned, pack.Path, Sessions).Check(ModelRoles.Mapping70)!;

        // Same tensor names but 73 channels: both the hash and the shape are reported.
        Assert.Contains($"contract {right}", check.Problems[0], StringComparison.Ordinal);
        Assert.Contains("input 'coeffs' dim 1 is 73 [batch, 73, 27], contract 70 [batch, 70, 27]", check.Problems);
    }

    [Fact]
    public void Verify_OptionalModelsAbsent_StillUsableWithFewerOptions()
    {
        using var pack = fixture.CopyPack();
        foreach (var file in new[] { "gfpgan_512.onnx", "mapping_73.onnx", "kp_detector_512.onnx", "generator_256.onnx" })
        {
            File.Delete(pack.File(file));
        }

        var result = ModelPackVerifier.Verify(fixture.Contract, pack.Path, Sessions);

        Assert.True(result.IsUsable, string.Join("; ", result.Problems));
        Assert.Equal([256], result.RendererSizes); // 256 through the split pair alone; 512 lacks its keypoint detector
        Assert.False(result.HasEnhancer || result.HasFullModes);
        Assert.Contains("enhancer no", result.ToAvailability().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckPresenceAndVerify_NoLandmarkModel_UnusableNamingTheFile()
    {
        using var pack = fixture.CopyPack();
        File.Delete(pack.File("face_landmarks_98.onnx"));

        var presence = ModelPackVerifier.CheckPresence(fixture.Contract, pack.Path);
        var verified = ModelPackVerifier.Verify(fixture.Contract, pack.Path, Sessions);

        foreach (var result in new[] { presence, verified })
        {
            Assert.Equal(ModelCheckState.Missing, result.Check(ModelRoles.Landmarks)!.State);
            Assert.False(result.IsUsable);
            Assert.Contains("face_landmarks_98.onnx is missing", result.Problems);
            Assert.False(result.ToAvailability().IsAvailable);
            Assert.Contains("face_landmarks_98.onnx is missing", result.ToAvailability().Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Verify_HalfASplitPair_IsAProblem()
    {
        using var pack = fixture.CopyPack();
        File.Delete(pack.File("generator_decoder_512.onnx"));

        var result = ModelPackVerifier.Verify(fixture.Contract, pack.Path, Sessions);

        Assert.Contains("the split generator at 512 needs both halves; only the encoder is present", result.Problems);
    }

    [Fact]
    public void Verify_NoRenderer_IsAProblem()
    {
        using var pack = fixture.CopyPack();
        File.Delete(pack.File("kp_detector_256.onnx"));
        File.Delete(pack.File("kp_detector_512.onnx"));

        var result = ModelPackVerifier.Verify(fixture.Contract, pack.Path, Sessions);

        Assert.Empty(result.RendererSizes);
        Assert.Contains(result.Problems, p => p.StartsWith("no complete renderer", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_NotAnOnnxFile_ReportsTheRuntimeError()
    {
        using var pack = fixture.CopyPack();
        File.WriteAllText(pack.File("posevae_decoder.onnx"), "not a model");

        var check = ModelPackVerifier.Verify(fixture.Contract, pack.Path, Sessions).Check(ModelRoles.PoseVae)!;

        Assert.Equal(ModelCheckState.Invalid, check.State);
        Assert.StartsWith("ONNX Runtime cannot load it: ", Assert.Single(check.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void NoPackDirectory_IsUnavailableWithInstructions()
    {
        using var empty = new TempDirectory();
        var missing = Path.Combine(empty.Path, "sadtalker");

        foreach (var result in new[] { ModelPackVerifier.Verify(fixture.Contract, missing, Sessions), ModelPackVerifier.CheckPresence(fixture.Contract, missing) })
        {
            var availability = result.ToAvailability();
            Assert.False(availability.IsAvailable);
            Assert.StartsWith($"SadTalker model pack not found at {missing}. Export the SadTalker networks to ONNX", availability.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CheckPresence_SeesFilesWithoutOpeningThem()
    {
        using var pack = fixture.CopyPack();
        File.WriteAllText(pack.File("posevae_decoder.onnx"), "not a model");

        var result = ModelPackVerifier.CheckPresence(fixture.Contract, pack.Path);

        Assert.True(result.IsUsable);
        Assert.Contains("present (not yet verified)", result.ToAvailability().Reason, StringComparison.Ordinal);
    }
}
