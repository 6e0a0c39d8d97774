using SadTalker.Inference.Trust;

namespace SadTalker.Inference.Tests.Trust;

public sealed class SaturatingDeltaTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Apply_RandomBytesWithEdges_EqualsTheScalarReference(bool negate)
    {
        var random = new Random(3);
        var values = new byte[1000]; // not a multiple of 32: the tail goes through the scalar loop
        var delta = new sbyte[values.Length];
        random.NextBytes(values);
        for (var i = 0; i < delta.Length; i++)
        {
            delta[i] = (sbyte)random.Next(-40, 41);
        }

        values[0] = 255;
        delta[0] = 30;
        values[1] = 0;
        delta[1] = -30;
        var expected = values.ToArray();
        SaturatingDelta.Scalar(expected, delta, negate);

        SaturatingDelta.Apply(values, delta, negate);

        Assert.Equal(expected, values);
        Assert.Equal(negate ? 225 : 255, expected[0]);
        Assert.Equal(negate ? 30 : 0, expected[1]);
    }

    [Fact]
    public void ToSByte_WholeNumbersIncludingNegatives_SameAsACast()
    {
        var source = Enumerable.Range(0, 203).Select(i => (float)((i % 51) - 25)).ToArray();
        var destination = new sbyte[source.Length];

        SaturatingDelta.ToSByte(source, destination);

        Assert.Equal(source.Select(v => (sbyte)v), destination);
    }

    [Fact]
    public void Apply_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => SaturatingDelta.Apply(new byte[4], new sbyte[3], false));
}
