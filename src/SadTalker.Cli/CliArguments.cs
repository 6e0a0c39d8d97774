using System.Globalization;

namespace SadTalker.Cli;

/// <summary>
/// A small parser for "command --name value --flag" command lines: a hand-written one keeps the CLI free of
/// preview packages, and every option of this tool is either a flag or takes exactly one value.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CliArguments(string command)
    {
        Command = command;
    }

    public string Command { get; }

    /// <summary>Parses args; <paramref name="flags"/> are the options that take no value.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> flags)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            throw new UsageException("Missing command: use 'generate' or 'bench' (or --help).");
        }

        var parsed = new CliArguments(args[0]);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"Unexpected argument '{arg}'; options start with --.");
            }

            var name = arg[2..];
            string? value = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                (name, value) = (name[..eq], name[(eq + 1)..]);
            }
            else if (!flags.Contains(name))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"Option --{name} needs a value.");
                }

                value = args[++i];
            }

            if (!parsed._values.TryAdd(name, value))
            {
                throw new UsageException($"Option --{name} is given twice.");
            }
        }

        return parsed;
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value)
            && (value is null || (bool.TryParse(value, out var b) ? b : throw new UsageException($"--{name} is a flag; got '{value}'.")));
    }

    public string? Text(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) ? value ?? throw new UsageException($"Option --{name} needs a value.") : null;
    }

    public string RequiredText(string name) => Text(name) ?? throw new UsageException($"Missing required option --{name}.");

    public int? Integer(string name, int min, int max)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}; got '{text}'.");
    }

    public double? Number(string name, double min, double max)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be a number from {min} to {max}; got '{text}'.");
    }

    /// <summary>Parses an enum from its kebab-case or plain name (bottom-right, BottomRight, extcrop).</summary>
    public T? Choice<T>(string name)
        where T : struct, Enum
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return Enum.TryParse<T>(text.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var value)
            && Enum.IsDefined(value)
            && !int.TryParse(text, out _)
            ? value
            : throw new UsageException(
                $"--{name} must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}; got '{text}'.");
    }

    /// <summary>Fails on options no command read (typos such as --sise).</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"Unknown option{(unknown.Count > 1 ? "s" : string.Empty)} for '{Command}': {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }
}
