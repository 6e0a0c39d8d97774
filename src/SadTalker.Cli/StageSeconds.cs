namespace SadTalker.Cli;

/// <summary>One stage time in <see cref="RunStats"/>.</summary>
internal sealed record StageSeconds(string Name, double Seconds);
