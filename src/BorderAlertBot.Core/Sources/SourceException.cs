namespace BorderAlertBot.Sources;

/// <summary>
/// A source could not be read, for a reason worth telling an operator in one line ("ACLED refused the credentials (401)").
/// The message must never carry a credential, a token or a URL with one in it.
/// </summary>
public sealed class SourceException : BorderAlertBotException
{
    public SourceException(string message)
        : base(message)
    {
    }

    public SourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
