using System.Diagnostics.CodeAnalysis;

namespace BorderAlertBot.Commands;

/// <summary>The values given for each option (by its canonical name), from <c>key:value</c> words, shorthands or typed options.</summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public void Add(string option, string value)
    {
        if (!_values.TryGetValue(option, out var values))
        {
            values = [];
            _values[option] = values;
        }

        values.Add(value);
    }

    public bool Has(string option) => _values.ContainsKey(option);

    /// <summary>Every value of a list option, split at commas and trimmed; empty pieces dropped.</summary>
    public IReadOnlyList<string> Items(string option) =>
        _values.TryGetValue(option, out var values)
            ? [.. values.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))]
            : [];

    /// <summary>The one value of an option, or null when not given; an error when given twice.</summary>
    public bool TryGetOne(string option, out string? value, [NotNullWhen(false)] out CommandError? error)
    {
        value = null;
        error = null;
        if (!_values.TryGetValue(option, out var values))
        {
            return true;
        }

        if (values.Count > 1)
        {
            error = new CommandError(option, $"{option}: given {values.Count} times ({string.Join(", ", values.Take(3).Select(Shown.Quoted))}); give it once");
            return false;
        }

        value = values[0];
        return true;
    }
}
