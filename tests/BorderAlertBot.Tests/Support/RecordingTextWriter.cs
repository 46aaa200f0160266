using System.Text;

namespace BorderAlertBot.Tests.Support;

/// <summary>A text writer that keeps everything written and lets a test await the moment some text has appeared.</summary>
public sealed class RecordingTextWriter : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private readonly List<(Func<string, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
            Check();
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
            Check();
        }
    }

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _text.Append(buffer).Append('\n');
            Check();
        }

        return Task.CompletedTask;
    }

    /// <summary>Completes when the text written so far satisfies <paramref name="condition"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (condition(_text.ToString()))
            {
                return;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The expected output did not appear within {timeout}. Output so far:\n{Text}");
        }
    }

    private void Check()
    {
        if (_waiters.Count == 0)
        {
            return;
        }

        var text = _text.ToString();
        foreach (var waiter in _waiters.Where(waiter => waiter.Condition(text)).ToList())
        {
            _waiters.Remove(waiter);
            waiter.Done.TrySetResult();
        }
    }
}
