using Microsoft.ML.OnnxRuntime;
using SadTalker.Inference.Runtime;
using SadTalker.Inference.Tests.Models;

namespace SadTalker.Inference.Tests.Runtime;

/// <summary>Runs a model built at test time through the factory, from a file and from bytes.</summary>
public sealed class OnnxSessionTests(TestModelFixture models) : IClassFixture<TestModelFixture>
{
    private static readonly float[] A = [1.5f, -2f, 1e6f];
    private static readonly float[] B = [0.25f, 2f, -3f];

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void AddModel_ComputesElementwiseSum(int threads, bool fromBytes)
    {
        var factory = new SessionFactory(new SessionFactoryOptions { Device = InferenceDevice.Cpu, IntraOpThreads = threads });
        using var session = fromBytes
            ? factory.CreateSession(File.ReadAllBytes(models.AddModelPath))
            : factory.CreateSession(models.AddModelPath);

        Assert.Equal(["a", "b"], session.InputMetadata.Keys.Order());
        Assert.Equal(["sum"], session.OutputMetadata.Keys);

        using var a = OrtValue.CreateTensorValueFromMemory(A, [1, 3]);
        using var b = OrtValue.CreateTensorValueFromMemory(B, [1, 3]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["a", "b"], [a, b], ["sum"]);

        var sum = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        Assert.Equal([1, 3], outputs[0].GetTensorTypeAndShape().Shape);
        Assert.Equal(A.Zip(B, (x, y) => x + y), sum);
    }
}
