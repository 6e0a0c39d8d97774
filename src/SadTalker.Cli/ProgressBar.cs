using System.Globalization;
using SadTalker.Inference.Engines;

namespace SadTalker.Cli;

/// <summary>
/// A one-line text progress bar on stderr, redrawn at most ten times a second; when stderr is not a terminal it
/// prints one line per stage instead, so logs stay readable.
/// </summary>
internal sealed class ProgressBar : IProgress<EngineProgress>
{
    private const int Width = 30;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private DateTime _lastDraw = DateTime.MinValue;
    private string? _stage;
    private int _lastLength;

    public void Report(EngineProgress value)
    {
        lock (_lock)
        {
            var newStage = value.Stage != _stage;
            _stage = value.Stage;
            if (!_interactive)
            {
                if (newStage)
                {
                    Console.Error.WriteLine($"[{value.StageIndex + 1}/{value.StageCount}] {value.Stage}");
                }

                return;
            }

            var now = DateTime.UtcNow;
            if (!newStage && value.Percent < 100 && now - _lastDraw < Interval)
            {
                return;
            }

            _lastDraw = now;
            var filled = (int)Math.Round(Width * Math.Clamp(value.Percent, 0, 100) / 100);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {value.Percent,5:0.0}%  {value.Stage}");
            if (value.FramesTotal > 0)
            {
                line += string.Create(CultureInfo.InvariantCulture, $"  {value.FramesDone}/{value.FramesTotal} frames");
            }

            if (value.Eta is { } eta && value.Percent < 100)
            {
                line += $"  ETA {eta:m\\:ss}";
            }

            Console.Error.Write(line.PadRight(_lastLength));
            _lastLength = line.Length;
        }
    }

    /// <summary>Ends the bar's line.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_interactive && _lastLength > 0)
            {
                Console.Error.WriteLine();
                _lastLength = 0;
            }
        }
    }
}
