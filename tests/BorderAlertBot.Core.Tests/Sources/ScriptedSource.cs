using BorderAlertBot.Domain;
using BorderAlertBot.Sources;

namespace BorderAlertBot.Core.Tests.Sources;

/// <summary>A source that answers each poll with the next scripted result (a poll, or an exception to throw), and records the states it was polled with.</summary>
internal sealed class ScriptedSource(string name, EventStatus defaultTrust = EventStatus.Pending) : IEventSource
{
    private readonly Queue<Func<SourcePoll>> _script = new();

    public string Name => name;

    public EventStatus DefaultTrust => defaultTrust;

    public bool MergesReports => false;

    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public List<SourceState> PolledWith { get; } = [];

    public ScriptedSource Then(SourcePoll poll)
    {
        _script.Enqueue(() => poll);
        return this;
    }

    public ScriptedSource ThenFail(Exception exception)
    {
        _script.Enqueue(() => throw exception);
        return this;
    }

    public Task<SourcePoll> PollAsync(SourceState state, CancellationToken cancellationToken)
    {
        PolledWith.Add(state);
        return Task.FromResult(_script.Dequeue()());
    }
}
