using System.Text;
using System.Text.Json;
using BorderAlertBot.Commands;
using BorderAlertBot.Discord.Interactions;
using BorderAlertBot.Geography;
using BorderAlertBot.Testing.Fuzzing;
using FsCheck;
using FsCheck.Fluent;

namespace BorderAlertBot.Discord.Tests.Interactions;

/// <summary>
/// How a verified interaction body is read, against generated hostile JSON (FsCheck): the interaction shape either reads
/// or fails as JSON (the endpoint's 400), never otherwise; the command's options always read; and the grammar answers
/// them with a command or a named error. A short run in the suite; <c>BORDERALERTBOT_LONG_FUZZ=1</c> runs 100,000 cases.
/// </summary>
public sealed class InteractionJsonPropertyTests
{
    private const string Valid = """
        {"id":"1401122334455667788","application_id":"1300000000000000001","type":2,"token":"tok","version":1,
         "guild_id":"1100000000000000001","channel_id":"1200000000000000009",
         "member":{"user":{"id":"900000000000000042","username":"alice"},"permissions":"2248473465835088"},
         "data":{"id":"1350000000000000777","name":"border","type":1,
                 "options":[{"name":"latest","type":1,"options":[{"name":"kind","type":3,"value":"clash"},{"name":"limit","type":4,"value":5}]}]}}
        """;

    private static readonly string[] Pieces =
    [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "0", "-1", "1e999", "18446744073709551616", "1.5", "\"x\"", "\"\\u0000\"", "\"\\ud800\"",
        "\"type\"", "\"data\"", "\"options\"", "\"name\"", "\"value\"", "\"focused\"", "\"member\"", "\"permissions\"", "\"user\"", "\"id\"",
        "\"custom_id\"", "\"channel_id\"", "\"token\"", "\"latest\"", "\"subscribe\"", "\"region\"", "\"CN-MM\"", "1", "2", "3", "4", "5",
    ];

    private static readonly Gen<string> Key = Gen.Elements("\"type\"", "\"data\"", "\"options\"", "\"name\"", "\"value\"", "\"member\"", "\"permissions\"", "\"channel_id\"", "\"id\"");

    private static readonly Gen<string> Body = Gen.OneOf(
        HostileText.Of(Pieces, "", " "),
        Key.SelectMany(key => HostileText.Of(Pieces).Select(value => Swap(Valid, key, value))),
        Gen.ListOf(Key).SelectMany(keys => HostileText.Of(Pieces).Select(value => keys.Aggregate(Valid, (body, key) => Swap(body, key, value)))));

    private static readonly CommandParser Parser = new(Gazetteer.Bundled);

    [Fact]
    public void Any_verified_body_reads_as_an_interaction_or_fails_as_json_and_its_options_always_read()
    {
        var property = Prop.ForAll(Body.ToArbitrary(), body =>
        {
            Interaction? interaction;
            try
            {
                interaction = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(body), InteractionJsonContext.Default.Interaction);
            }
            catch (JsonException)
            {
                return; // The endpoint answers 400.
            }

            var (subcommand, values, _) = CommandOptions.Read(interaction?.Data);
            var result = Parser.FromOptions(subcommand, values);
            Assert.True(result is CommandParseResult.Parsed { Command: not null } or CommandParseResult.Invalid { Error.Message.Length: > 0 });
            _ = new DiscordMemberPermissions(interaction?.Member?.Permissions).CanManageChannelAsync(CancellationToken.None).GetAwaiter().GetResult();
        });

        property.Check(Config.QuickThrowOnFailure.WithMaxTest(FuzzRuns.Cases()).WithQuietOnSuccess(true));
    }

    /// <summary><paramref name="body"/> with the first value after <paramref name="key"/> replaced (up to the next comma or brace).</summary>
    private static string Swap(string body, string key, string value)
    {
        var at = body.IndexOf(key + ":", StringComparison.Ordinal);
        var end = at < 0 ? -1 : body.IndexOfAny([',', '}'], at + key.Length + 1);
        return end < 0 ? body : body[..(at + key.Length + 1)] + value + body[end..];
    }
}
