using System.Buffers.Binary;
using System.Text;

namespace SadTalker.Inference.Tests.Support;

/// <summary>
/// Minimal RIFF/WAVE reader and writer for 16-bit PCM, so audio tests can check the ffmpeg path against samples that
/// did not go through ffmpeg. Samples are int16/32768, as soundfile and librosa return them.
/// </summary>
internal static class WavPcm16
{
    public static (float[] Samples, int SampleRate, int Channels) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(bytes, 8, 4));
        int sampleRate = 0, channels = 0, position = 12;
        while (position + 8 <= bytes.Length)
        {
            var id = Encoding.ASCII.GetString(bytes, position, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position + 4));
            var body = bytes.AsSpan(position + 8, Math.Min(size, bytes.Length - position - 8));
            if (id == "fmt ")
            {
                Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(body));
                channels = BinaryPrimitives.ReadInt16LittleEndian(body[2..]);
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(body[14..]));
            }
            else if (id == "data")
            {
                var samples = new float[body.Length / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body[(2 * i)..]) / 32768f;
                }

                return (samples, sampleRate, channels);
            }

            position += 8 + size + (size & 1);
        }

        throw new InvalidDataException($"No data chunk in {path}");
    }

    /// <summary>Writes interleaved samples (clamped to [−1, 1)) as 16-bit PCM.</summary>
    public static void Write(string path, ReadOnlySpan<float> interleaved, int sampleRate, int channels)
    {
        var data = interleaved.Length * 2;
        var bytes = new byte[44 + data];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 36 + data);
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(bytes, 8);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), sampleRate * channels * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), (short)(channels * 2));
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        Encoding.ASCII.GetBytes("data").CopyTo(bytes, 36);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), data);
        for (var i = 0; i < interleaved.Length; i++)
        {
            var value = (short)Math.Clamp(MathF.Round(interleaved[i] * 32768f), short.MinValue, short.MaxValue);
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + (2 * i)), value);
        }

        File.WriteAllBytes(path, bytes);
    }
}
