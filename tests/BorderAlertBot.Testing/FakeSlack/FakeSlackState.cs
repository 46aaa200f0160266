using System.Globalization;
using System.Security.Cryptography;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>
/// Everything the fake remembers: messages per channel, pending uploads and completed files, users, webhooks,
/// response URLs and the requests received. Callers hold <see cref="Gate"/>.
/// </summary>
internal sealed class FakeSlackState(FakeSlackOptions options)
{
    private readonly Dictionary<string, List<FakeSlackMessage>> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingUpload> _uploads = new(StringComparer.Ordinal);
    private readonly List<FakeSlackFile> _files = [];
    private readonly Dictionary<string, FakeSlackUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeSlackWebhook> _webhooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeSlackResponseUrl> _responseUrls = new(StringComparer.Ordinal);
    private readonly List<FakeSlackResponsePost> _responsePosts = [];
    private readonly List<FakeSlackRequest> _received = [];
    private long _lastTsMicros;
    private int _ids;

    public Lock Gate { get; } = new();

    public long NextSequence => _received.Count + 1;

    public int ReceivedCount => _received.Count;

    public IReadOnlyList<FakeSlackRequest> Received => [.. _received];

    public IReadOnlyList<FakeSlackFile> Files => [.. _files];

    public IReadOnlyList<FakeSlackResponsePost> ResponsePosts => [.. _responsePosts];

    public void Record(FakeSlackRequest request) => _received.Add(request);

    public void Record(FakeSlackResponsePost post) => _responsePosts.Add(post);

    /// <summary>A new message ts, <c>seconds.micros</c> from the clock, always later than the last one.</summary>
    public string NextTs(DateTimeOffset now)
    {
        var micros = Math.Max(now.ToUnixTimeMilliseconds() * 1000, _lastTsMicros + 1);
        _lastTsMicros = micros;
        return (micros / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (micros % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A new id with Slack's one-letter prefix, e.g. <c>F0000000001</c>.</summary>
    public string NextId(char prefix) => prefix + (++_ids).ToString("D10", CultureInfo.InvariantCulture);

    public static string Secret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public IReadOnlyList<FakeSlackMessage> MessagesIn(string channel) => _channels.TryGetValue(channel, out var list) ? [.. list] : [];

    public FakeSlackMessage? Find(string channel, string ts) => _channels.TryGetValue(channel, out var list) ? list.Find(m => m.Ts == ts) : null;

    public void Add(FakeSlackMessage message)
    {
        if (!_channels.TryGetValue(message.Channel, out var list))
        {
            list = [];
            _channels[message.Channel] = list;
        }

        list.Add(message);
    }

    public void Replace(FakeSlackMessage message)
    {
        var list = _channels[message.Channel];
        list[list.FindIndex(m => m.Ts == message.Ts)] = message;
    }

    public void Remove(string channel, string ts)
    {
        if (_channels.TryGetValue(channel, out var list))
        {
            list.RemoveAll(m => m.Ts == ts);
        }
    }

    public PendingUpload AddUpload(string filename, int length, string? altText)
    {
        var upload = new PendingUpload(NextId('F'), Secret(), filename, length, altText);
        _uploads[upload.Key] = upload;
        return upload;
    }

    public PendingUpload? UploadByKey(string key) => _uploads.GetValueOrDefault(key);

    public PendingUpload? UploadById(string fileId) => _uploads.Values.FirstOrDefault(upload => upload.FileId == fileId);

    public void Complete(PendingUpload upload, FakeSlackFile file)
    {
        _uploads.Remove(upload.Key);
        _files.Add(file);
    }

    public void AddUser(FakeSlackUser user) => _users[user.Id] = user;

    public FakeSlackUser? User(string id) => _users.GetValueOrDefault(id);

    public FakeSlackWebhook AddWebhook(string channel)
    {
        var webhook = new FakeSlackWebhook(NextId('B'), Secret() + Secret(), channel);
        _webhooks[webhook.Id] = webhook;
        return webhook;
    }

    public FakeSlackWebhook? Webhook(string id, string secret) =>
        _webhooks.TryGetValue(id, out var webhook) && webhook.Secret == secret ? webhook : null;

    public void RemoveWebhook(string id) => _webhooks.Remove(id);

    public FakeSlackResponseUrl AddResponseUrl(string channel, string? messageTs, DateTimeOffset now)
    {
        var url = new FakeSlackResponseUrl(NextId('R')[1..], Secret(), channel, messageTs, now);
        _responseUrls[url.Id] = url;
        return url;
    }

    public FakeSlackResponseUrl? ResponseUrl(string id, string secret) =>
        _responseUrls.TryGetValue(id, out var url) && url.Secret == secret ? url : null;

    public string TeamId => options.TeamId;

    /// <summary>An upload between files.getUploadURLExternal and files.completeUploadExternal.</summary>
    internal sealed class PendingUpload(string fileId, string key, string filename, int length, string? altText)
    {
        public string FileId { get; } = fileId;

        public string Key { get; } = key;

        public string Filename { get; } = filename;

        public int Length { get; } = length;

        public string? AltText { get; } = altText;

        public byte[]? Bytes { get; set; }
    }

    internal sealed record FakeSlackWebhook(string Id, string Secret, string Channel);

    internal sealed class FakeSlackResponseUrl(string id, string secret, string channel, string? messageTs, DateTimeOffset createdAt)
    {
        public string Id { get; } = id;

        public string Secret { get; } = secret;

        public string Channel { get; } = channel;

        public string? MessageTs { get; } = messageTs;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public int Uses { get; set; }
    }
}
