using System.Diagnostics;

namespace BorderAlertBot.Benchmarks;

/// <summary>
/// Samples the process's working set and the GC heap every 50 ms while it runs, keeping the highest of each: the peak of
/// one phase, which <see cref="Process.PeakWorkingSet64"/> (the whole process's life) cannot give.
/// </summary>
public sealed class PeakMemory : IDisposable
{
    private readonly Timer _timer;
    private long _workingSet;
    private long _heap;

    public PeakMemory()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    public double WorkingSetMegabytes => Interlocked.Read(ref _workingSet) / 1_048_576.0;

    public double HeapMegabytes => Interlocked.Read(ref _heap) / 1_048_576.0;

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
    }

    private void Sample()
    {
        Max(ref _workingSet, Environment.WorkingSet);
        Max(ref _heap, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static void Max(ref long peak, long value)
    {
        var current = Interlocked.Read(ref peak);
        while (value > current && Interlocked.CompareExchange(ref peak, value, current) != current)
        {
            current = Interlocked.Read(ref peak);
        }
    }
}
