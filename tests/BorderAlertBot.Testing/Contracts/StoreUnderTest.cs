using BorderAlertBot.Abstractions;

namespace BorderAlertBot.Testing.Contracts;

/// <summary>Every port of one store implementation, fresh and empty, for the contract tests.</summary>
public sealed record StoreUnderTest(
    IEventStore Events,
    IEventQueries Queries,
    IChangeFeed Feed,
    ICursorStore Cursors,
    ISubscriptionStore Subscriptions,
    IOutboxStore Outbox,
    IDeliveryLog DeliveryLog,
    ILeaseStore Leases,
    ISourceStateStore Sources);
