namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>A route bucket after a request: whether it was let through and what the X-RateLimit headers say.</summary>
internal readonly record struct BucketState(bool IsAllowed, string Bucket, int Limit, int Remaining, DateTimeOffset ResetAt, TimeSpan ResetAfter);
