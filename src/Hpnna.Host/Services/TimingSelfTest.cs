using System.Diagnostics;
using System.Globalization;
using Hpnna.Robot.Loop;

namespace Hpnna.Host.Services;

/// <summary>
/// <c>hpnna-host --timing-test SECONDS</c>: runs the real-time tick source alone at the control period for a
/// while, optionally with every other core kept busy, and prints wake-up lateness percentiles (exact, from
/// every tick). Run it on the Pi before trusting a period; the README has this machine's figures.
/// </summary>
internal static class TimingSelfTest
{
    public static int Run(double seconds, double periodMilliseconds, bool busy, bool fifo, TextWriter output)
    {
        var scheduling = fifo ? RealtimeScheduling.TryEnableFifo(50) is { } refused ? $"normal scheduling (FIFO {refused})" : "SCHED_FIFO 50" : "normal scheduling";
        var clock = new MonotonicTickSource(periodMilliseconds / 1000);
        var ticks = (int)Math.Ceiling(seconds * 1000 / periodMilliseconds);
        var lateness = new double[ticks];
        var skipped = 0L;
        using var stop = new CancellationTokenSource();
        var burners = busy ? Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount - 1)).Select(_ => Burn(stop.Token)).ToArray() : [];
        clock.WaitForNext();
        for (var i = 0; i < ticks; i++)
        {
            var tick = clock.WaitForNext();
            lateness[i] = tick.Lateness;
            skipped += tick.Skipped;
        }

        stop.Cancel();
        foreach (var burner in burners)
        {
            burner.Join();
        }

        Array.Sort(lateness);
        double Percentile(double q) => lateness[Math.Min(ticks - 1, (int)Math.Ceiling(q * ticks) - 1)] * 1e6;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ticks} ticks at {1000 / periodMilliseconds:0.#} Hz ({(MonotonicTickSource.IsPrecise ? "clock_nanosleep, absolute deadlines" : "sleep + spin fallback")}, {(busy ? $"{burners.Length} other core(s) busy" : "idle machine")}, {scheduling}): " +
            $"lateness p50 {Percentile(0.5):0} us, p99 {Percentile(0.99):0} us, p99.9 {Percentile(0.999):0} us, max {lateness[^1] * 1e6:0} us; skipped deadlines {skipped}"));
        return 0;
    }

    private static Thread Burn(CancellationToken stop)
    {
        var thread = new Thread(() =>
        {
            var x = 0UL;
            while (!stop.IsCancellationRequested)
            {
                x = x * 6364136223846793005UL + 1442695040888963407UL;
            }

            GC.KeepAlive(x);
        })
        {
            IsBackground = true,
            Name = "busy",
        };
        thread.Start();
        return thread;
    }
}
