using System.Globalization;

namespace SadTalker.Inference.Runtime;

/// <summary>
/// An <see cref="IStageObserver"/> that keeps each distinct (stage, tensor, shape) once, in first-seen order, with how
/// often it was seen, so a ten-minute render's trace stays a few dozen lines. Thread-safe.
/// </summary>
public sealed class ShapeRecorder : IStageObserver
{
    private readonly Lock _gate = new();
    private readonly List<ShapeRecord> _records = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Snapshot of what was seen so far.</summary>
    public IReadOnlyList<ShapeRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return _records.ToList();
            }
        }
    }

    public void Observe(string stage, string tensor, ReadOnlySpan<long> shape)
    {
        var dims = shape.ToArray();
        var key = string.Create(CultureInfo.InvariantCulture, $"{stage}\u0001{tensor}\u0001{string.Join(',', dims)}");
        lock (_gate)
        {
            if (_index.TryGetValue(key, out var at))
            {
                _records[at] = _records[at] with { Count = _records[at].Count + 1 };
            }
            else
            {
                _index[key] = _records.Count;
                _records.Add(new ShapeRecord(stage, tensor, dims, 1));
            }
        }
    }

    /// <summary>Forgets everything seen so far (between renders that share the recorder).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
            _index.Clear();
        }
    }

    /// <summary>The shapes seen for <paramref name="stage"/>/<paramref name="tensor"/>, in first-seen order.</summary>
    public IReadOnlyList<long[]> ShapesOf(string stage, string tensor) =>
        Records.Where(r => r.Stage == stage && r.Tensor == tensor).Select(r => r.Shape).ToList();
}

/// <summary>One distinct tensor shape at a stage boundary and how many times it was seen.</summary>
public sealed record ShapeRecord(string Stage, string Tensor, long[] Shape, int Count)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Stage} {Tensor} [{string.Join(", ", Shape)}] x{Count}");
}
