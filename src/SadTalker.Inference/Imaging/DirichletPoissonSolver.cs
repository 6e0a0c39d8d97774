using System.Numerics.Tensors;

namespace SadTalker.Inference.Imaging;

/// <summary>
/// Direct solver for the 5-point Poisson equation on a rectangle with zero Dirichlet boundary: a discrete sine
/// transform along x turns it into one tridiagonal system along y per frequency.
/// </summary>
/// <remarks>
/// Solves, for the n_y × n_x unknowns f with f = 0 outside the grid,
/// <code>
/// f[j,i−1] + f[j,i+1] + f[j−1,i] + f[j+1,i] − 4·f[j,i] = b[j,i]
/// </code>
/// With the DST-I matrix S[k,i] = sin(π(i+1)(k+1)/(n_x+1)) (symmetric, S·S = (n_x+1)/2·I), b̂ = b·S and f = f̂·S·2/(n_x+1);
/// for each frequency k the rows satisfy f̂[j−1,k] + f̂[j+1,k] + (2cos(π(k+1)/(n_x+1)) − 4)·f̂[j,k] = b̂[j,k], solved by
/// the Thomas algorithm for all k at once (row by row, contiguous in k). The transforms are dense products
/// (O(n_y·n_x²), vectorised dots): simpler than an FFT for arbitrary n_x and fast enough for face-sized regions.
/// One instance per n_x holds S; it is immutable and may be shared between threads.
/// </remarks>
public sealed class DirichletPoissonSolver
{
    private readonly float[] _sine;
    private readonly float[] _diagonal;

    public DirichletPoissonSolver(int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Width = width;
        _sine = new float[width * width];
        _diagonal = new float[width];
        for (var k = 0; k < width; k++)
        {
            for (var i = 0; i < width; i++)
            {
                _sine[(k * width) + i] = (float)Math.Sin(Math.PI * (i + 1) * (k + 1) / (width + 1));
            }

            _diagonal[k] = (float)((2 * Math.Cos(Math.PI * (k + 1) / (width + 1))) - 4);
        }
    }

    /// <summary>n_x, the row length this solver was built for.</summary>
    public int Width { get; }

    /// <summary>Solves for f given b (both n_y × n_x row-major); <paramref name="values"/> holds b on entry and f on return.</summary>
    public void Solve(Span<float> values, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        var n = Width;
        if (values.Length != rows * n)
        {
            throw new ArgumentException($"Expected {rows}x{n} values, got {values.Length}.", nameof(values));
        }

        var row = new float[n];
        for (var j = 0; j < rows; j++)
        {
            Transform(values.Slice(j * n, n), row, 1f);
        }

        // Thomas algorithm, off-diagonals 1: c'_j = 1/(d − c'_{j−1}), x'_j = (b_j − x'_{j−1})·c'_j, then back substitution.
        var scale = new float[rows * n];
        var factor = scale.AsSpan(0, n);
        for (var k = 0; k < n; k++)
        {
            factor[k] = 1f / _diagonal[k];
            values[k] *= factor[k];
        }

        for (var j = 1; j < rows; j++)
        {
            var previous = scale.AsSpan((j - 1) * n, n);
            var current = scale.AsSpan(j * n, n);
            var x = values.Slice(j * n, n);
            var xPrevious = values.Slice((j - 1) * n, n);
            for (var k = 0; k < n; k++)
            {
                current[k] = 1f / (_diagonal[k] - previous[k]);
                x[k] = (x[k] - xPrevious[k]) * current[k];
            }
        }

        for (var j = rows - 2; j >= 0; j--)
        {
            var c = scale.AsSpan(j * n, n);
            var x = values.Slice(j * n, n);
            var next = values.Slice((j + 1) * n, n);
            for (var k = 0; k < n; k++)
            {
                x[k] -= c[k] * next[k];
            }
        }

        var inverse = 2f / (n + 1);
        for (var j = 0; j < rows; j++)
        {
            Transform(values.Slice(j * n, n), row, inverse);
        }
    }

    /// <summary>data ← scale · S · data (S symmetric, so rows of S are its columns).</summary>
    private void Transform(Span<float> data, float[] scratch, float scale)
    {
        var n = Width;
        data.CopyTo(scratch);
        ReadOnlySpan<float> input = scratch;
        for (var k = 0; k < n; k++)
        {
            data[k] = scale * TensorPrimitives.Dot(input, _sine.AsSpan(k * n, n));
        }
    }
}
