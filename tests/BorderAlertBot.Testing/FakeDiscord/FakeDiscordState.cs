using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// Everything the fake remembers: messages per channel (threads are channels), threads, webhooks, interaction
/// responses, nonces, commands and the requests received. Callers hold <see cref="Gate"/>.
/// </summary>
internal sealed class FakeDiscordState(FakeDiscordOptions options)
{
    public const string GlobalCommandScope = "global";

    private readonly Dictionary<string, FakeDiscordMessage> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeDiscordThread> _threadsByMessage = new(StringComparer.Ordinal);
    private readonly List<FakeDiscordThread> _threads = [];
    private readonly Dictionary<string, FakeWebhook> _webhooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeInteraction> _interactions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Channel, string Nonce), (string MessageId, DateTimeOffset At)> _nonces = [];
    private readonly Dictionary<string, List<JsonElement>> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _registrations = new(StringComparer.Ordinal);
    private readonly List<FakeDiscordRequest> _received = [];

    public Lock Gate { get; } = new();

    public SnowflakeGenerator Ids { get; } = new(options.TimeProvider);

    public int NonceHits { get; set; }

    public long NextSequence => _received.Count + 1;

    public int ReceivedCount => _received.Count;

    public IReadOnlyList<FakeDiscordRequest> Received => [.. _received];

    public IReadOnlyList<FakeDiscordThread> Threads => [.. _threads];

    public void Record(FakeDiscordRequest request) => _received.Add(request);

    public FakeDiscordMessage? FindMessage(string channelId, string messageId) =>
        _messages.TryGetValue(messageId, out var message) && message.ChannelId == channelId ? message : null;

    public FakeDiscordMessage? FindMessage(string messageId) => _messages.GetValueOrDefault(messageId);

    /// <summary>Adds a message to its channel, or replaces it after an edit.</summary>
    public void Store(FakeDiscordMessage message)
    {
        if (!_messages.ContainsKey(message.Id))
        {
            if (!_channels.TryGetValue(message.ChannelId, out var ids))
            {
                ids = [];
                _channels[message.ChannelId] = ids;
            }

            ids.Add(message.Id);
        }

        _messages[message.Id] = message;
    }

    public IReadOnlyList<FakeDiscordMessage> MessagesIn(string channelId) =>
        _channels.TryGetValue(channelId, out var ids) ? ids.Select(id => _messages[id]).ToArray() : [];

    public FakeDiscordThread? ThreadFromMessage(string messageId) => _threadsByMessage.GetValueOrDefault(messageId);

    public FakeDiscordThread? Thread(string threadId) => _threads.Find(thread => thread.Id == threadId);

    public void AddThread(FakeDiscordThread thread)
    {
        _threadsByMessage[thread.MessageId] = thread;
        _threads.Add(thread);
    }

    public FakeWebhook AddWebhook(string channelId)
    {
        var webhook = new FakeWebhook(Ids.Next(), Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(51)), channelId);
        _webhooks[webhook.Id] = webhook;
        return webhook;
    }

    public FakeWebhook? Webhook(string id) => _webhooks.GetValueOrDefault(id);

    public FakeInteraction Interaction(string token, DateTimeOffset now)
    {
        if (!_interactions.TryGetValue(token, out var interaction))
        {
            interaction = new FakeInteraction(now);
            _interactions[token] = interaction;
        }

        return interaction;
    }

    public FakeInteraction? TryGetInteraction(string token) => _interactions.GetValueOrDefault(token);

    /// <summary>The message an earlier create in this channel made with this nonce, within the nonce window.</summary>
    public FakeDiscordMessage? FindByNonce(string channelId, string nonce, DateTimeOffset now) =>
        _nonces.TryGetValue((channelId, nonce), out var earlier) && now - earlier.At < options.NonceWindow ? _messages.GetValueOrDefault(earlier.MessageId) : null;

    public void RememberNonce(string channelId, string nonce, string messageId, DateTimeOffset now) => _nonces[(channelId, nonce)] = (messageId, now);

    public IReadOnlyList<JsonElement> Commands(string scope) => _commands.TryGetValue(scope, out var commands) ? [.. commands] : [];

    public void OverwriteCommands(string scope, IReadOnlyList<JsonElement> commands)
    {
        _commands[scope] = [.. commands];
        _registrations[scope] = _registrations.GetValueOrDefault(scope) + 1;
    }

    public int Registrations(string scope) => _registrations.GetValueOrDefault(scope);
}
