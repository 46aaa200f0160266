namespace BorderAlertBot;

/// <summary>The root of the exceptions we throw for infrastructure failures and broken invariants.</summary>
public class BorderAlertBotException : Exception
{
    public BorderAlertBotException(string message)
        : base(message)
    {
    }

    public BorderAlertBotException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
