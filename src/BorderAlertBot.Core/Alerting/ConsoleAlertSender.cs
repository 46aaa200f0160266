namespace BorderAlertBot.Alerting;

/// <summary>Prints alerts to a text writer (the console by default), one block per alert with a rule between them.</summary>
public sealed class ConsoleAlertSender(TextWriter output) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task SendAsync(string renderedAlert, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await output.WriteLineAsync(new string('─', 72).AsMemory(), cancellationToken);
            await output.WriteLineAsync(renderedAlert.AsMemory(), cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
