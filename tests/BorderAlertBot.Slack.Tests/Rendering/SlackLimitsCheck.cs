using System.Text.Json;
using System.Text.RegularExpressions;
using BorderAlertBot.Slack.Wire;

namespace BorderAlertBot.Slack.Tests.Rendering;

/// <summary>
/// Every limit of platforms/slack.md §4 a message can break, counted here on its own, plus our safety rules: no
/// broadcast mention, and no <c>&lt;…&gt;</c> token but the kinds we build. An empty list means Slack would take it.
/// </summary>
public static partial class SlackLimitsCheck
{
    public static IReadOnlyList<string> Problems(SlackMessage message, string? allowedMention = null)
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Check(message.Text.Length is > 0 and <= 4000, $"text has {message.Text.Length} characters");
        Check(message.Blocks.Count is > 0 and <= 50, $"{message.Blocks.Count} blocks");
        var texts = new List<string> { message.Text };
        for (var i = 0; i < message.Blocks.Count; i++)
        {
            var where = $"block {i}";
            switch (message.Blocks[i])
            {
                case HeaderBlock header:
                    Check(header.Text.Type == "plain_text", $"{where}: header is not plain_text");
                    Check(header.Text.Text.Length is > 0 and <= 150, $"{where}: header has {header.Text.Text.Length} characters");
                    texts.Add(header.Text.Text);
                    break;
                case SectionBlock section:
                    Check(section.Text is not null || section.Fields is { Count: > 0 }, $"{where}: section has neither text nor fields");
                    if (section.Text is { } text)
                    {
                        Check(text.Text.Length is > 0 and <= 3000, $"{where}: section text has {text.Text.Length} characters");
                        texts.Add(text.Text);
                    }

                    Check((section.Fields?.Count ?? 0) <= 10, $"{where}: {section.Fields?.Count} fields");
                    foreach (var field in section.Fields ?? [])
                    {
                        Check(field.Text.Length is > 0 and <= 2000, $"{where}: a field has {field.Text.Length} characters");
                        texts.Add(field.Text);
                    }

                    break;
                case ContextBlock context:
                    Check(context.Elements.Count is > 0 and <= 10, $"{where}: {context.Elements.Count} context elements");
                    foreach (var element in context.Elements)
                    {
                        Check(element.Text.Length is > 0 and <= 2000, $"{where}: a context element has {element.Text.Length} characters");
                        texts.Add(element.Text);
                    }

                    break;
                case ActionsBlock actions:
                    Check(actions.Elements.Count is > 0 and <= 25, $"{where}: {actions.Elements.Count} actions");
                    Check(actions.Elements.Select(button => button.ActionId).Distinct().Count() == actions.Elements.Count, $"{where}: action ids repeat");
                    foreach (var button in actions.Elements)
                    {
                        Check(button.ActionId.Length is > 0 and <= 255, $"{where}: action_id has {button.ActionId.Length} characters");
                        Check(button.Text.Text.Length is > 0 and <= 75, $"{where}: a button says {button.Text.Text.Length} characters");
                        Check(button.Value.Length <= 2000, $"{where}: a button value has {button.Value.Length} characters");
                    }

                    break;
                case DividerBlock:
                    break;
                default:
                    problems.Add($"{where}: unknown block {message.Blocks[i].GetType().Name}");
                    break;
            }
        }

        Check(texts.Skip(1).Sum(text => text.Length) <= 12_000, "the blocks have more than 12,000 characters together");
        foreach (var text in texts)
        {
            foreach (Match token in Token().Matches(text))
            {
                var ok = Link().IsMatch(token.Value) || Date().IsMatch(token.Value) || token.Value == allowedMention;
                Check(ok, $"unexpected token {token.Value}");
            }

            Check(!text.Contains('<', StringComparison.Ordinal) || Token().Replace(text, string.Empty).IndexOfAny(['<', '>']) < 0, "a stray < or >");
            Check(System.Text.Unicode.Utf8.FromUtf16(text, new byte[text.Length * 3], out _, out _, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done, "a lone surrogate");
        }

        var json = Json(message);
        foreach (var broadcast in new[] { "<!channel", "<!here", "<!everyone" })
        {
            Check(!json.Contains(broadcast, StringComparison.OrdinalIgnoreCase), $"the JSON has {broadcast}");
        }

        return problems;
    }

    /// <summary>Every string in the message's JSON, decoded and joined by line breaks: what Slack reads.</summary>
    public static string Json(SlackMessage message)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(message, SlackWireJsonContext.Default.SlackMessage));
        var strings = new List<string>();
        Collect(document.RootElement, strings);
        return string.Join("\n", strings);
    }

    private static void Collect(JsonElement element, List<string> strings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                strings.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, strings);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, strings);
                }

                break;
        }
    }

    [GeneratedRegex("<[^<>]*>")]
    private static partial Regex Token();

    [GeneratedRegex(@"^<https?://[^|<>\s]+\|[^<>]+>$")]
    private static partial Regex Link();

    [GeneratedRegex(@"^<!date\^\d+\^\{date_short_pretty\} \{time\}\|\d{4}-\d\d-\d\d \d\d:\d\d UTC>$")]
    private static partial Regex Date();
}
