namespace BorderAlertBot.Tests.Deployment;

/// <summary>
/// A systemd unit file read as systemd reads the parts we use: sections, <c>Key=Value</c> lines (a key may repeat),
/// comments, and <c>Environment=</c> assignments (several per line, optionally quoted).
/// </summary>
public sealed class SystemdUnit
{
    private readonly List<(string Section, string Key, string Value)> _entries = [];

    private SystemdUnit()
    {
    }

    public static SystemdUnit Read(string path)
    {
        var unit = new SystemdUnit();
        var section = string.Empty;
        foreach (var raw in System.IO.File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"not Key=Value: {line}");
            unit._entries.Add((section, line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }

        return unit;
    }

    public IReadOnlyList<string> All(string section, string key) => [.. _entries.Where(entry => entry.Section == section && entry.Key == key).Select(entry => entry.Value)];

    public string? One(string section, string key) => All(section, key) is { Count: > 0 } values ? values[^1] : null;

    public string Service(string key) => One("Service", key) ?? throw new KeyNotFoundException($"[Service] has no {key}=");

    /// <summary>The <c>Environment=</c> assignments in order (later ones win, as in systemd).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment() =>
        [.. All("Service", "Environment").SelectMany(Words).Select(Assignment)];

    /// <summary>An environment file: <c>KEY=value</c> lines, comments and blank lines skipped, quotes removed.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ReadEnvironmentFile(string path) =>
        [.. System.IO.File.ReadAllLines(path).Select(line => line.Trim()).Where(line => line.Length > 0 && line[0] is not ('#' or ';')).Select(Assignment)];

    private static KeyValuePair<string, string> Assignment(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        return new(word[..equals], word[(equals + 1)..].Trim('"'));
    }

    private static IEnumerable<string> Words(string value)
    {
        var word = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in value)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
