namespace BorderAlertBot.Endpoints;

/// <summary>A platform handler's answer: the status, the JSON body if any, and work to finish after answering.</summary>
public sealed record SignedReply(int Status, string? Json, Func<CancellationToken, Task>? Then);
