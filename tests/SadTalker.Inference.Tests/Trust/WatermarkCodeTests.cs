using SadTalker.Inference.Trust;

namespace SadTalker.Inference.Tests.Trust;

public sealed class WatermarkCodeTests
{
    private static readonly WatermarkPayload Payload = WatermarkPayload.FromJobId(Guid.Parse("0b8f4f2e-6d3c-4f0a-9a51-2f7c1e9d4b6a"));

    [Fact]
    public void Decode_CleanSoftBits_ReturnsThePayload()
    {
        Assert.Equal(Payload, WatermarkCode.Decode(Soft(WatermarkCode.Encode(Payload))));
        Assert.Equal(172, WatermarkCode.CodedBits);
    }

    [Fact]
    public void Decode_TenFlippedBitsAndAQuarterErased_StillCorrected()
    {
        var soft = Soft(WatermarkCode.Encode(Payload));
        var random = new Random(5);
        foreach (var i in Enumerable.Range(0, soft.Length).OrderBy(_ => random.Next()).Take(10))
        {
            soft[i] = -soft[i];
        }

        for (var i = 3; i < soft.Length; i += 4)
        {
            soft[i] = 0;
        }

        Assert.Equal(Payload, WatermarkCode.Decode(soft));
    }

    [Fact]
    public void Decode_NoiseOnly_CrcRejectsAlmostEverything()
    {
        var random = new Random(11);
        var accepted = 0;
        for (var trial = 0; trial < 300; trial++)
        {
            var soft = Enumerable.Range(0, WatermarkCode.CodedBits).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            accepted += WatermarkCode.Decode(soft) is null ? 0 : 1;
        }

        // Expected 300·2⁻¹⁶ ≈ 0.005 acceptances.
        Assert.Equal(0, accepted);
    }

    [Fact]
    public void Decode_BurstBeyondTheCode_IsDetectedNotMisread()
    {
        var soft = Soft(WatermarkCode.Encode(Payload));
        for (var i = 40; i < 80; i++)
        {
            soft[i] = -soft[i];
        }

        var decoded = WatermarkCode.Decode(soft);
        Assert.True(decoded is null || decoded == Payload, $"a 40-bit burst must not decode to another payload; got {decoded}");
    }

    [Fact]
    public void Crc16_KnownCheckValue()
    {
        // CRC-16/CCITT-FALSE of the ASCII bytes "12345678" (the catalogue check uses "123456789" = 0x29B1).
        Assert.Equal(0xA12B, WatermarkCode.Crc16(0x3132333435363738));
    }

    [Fact]
    public void FromJobId_IsStableAndHex()
    {
        var id = Guid.Parse("0b8f4f2e-6d3c-4f0a-9a51-2f7c1e9d4b6a");
        Assert.Equal(WatermarkPayload.FromJobId(id), WatermarkPayload.FromJobId(id));
        Assert.NotEqual(WatermarkPayload.FromJobId(id), WatermarkPayload.FromJobId(Guid.NewGuid()));
        Assert.Equal(Payload, WatermarkPayload.ParseHex(Payload.Hex));
        Assert.Throws<FormatException>(() => WatermarkPayload.ParseHex("xyz"));
    }

    private static float[] Soft(byte[] coded) => coded.Select(b => b == 0 ? 1f : -1f).ToArray();
}
