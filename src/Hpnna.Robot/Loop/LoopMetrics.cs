namespace Hpnna.Robot.Loop;

/// <summary>
/// Tick statistics the control thread records without allocating or locking, and any thread can read:
/// counts, deadline misses, and log2 histograms (1 us to 1 s) of tick duration and wake-up lateness from which
/// percentiles are read to within a factor of two; and each deadline miss, with when and why (<see cref="Misses"/>).
/// </summary>
public sealed class LoopMetrics
{
    private const int Bins = 21; // bin b holds values in [2^(b-1), 2^b) microseconds; bin 0 is under 1 us
    private readonly long[] _duration = new long[Bins];
    private readonly long[] _lateness = new long[Bins];
    private long _ticks;
    private long _skipped;
    private long _overruns;
    private long _late;
    private double _lastDuration;
    private long _maxDurationNs;
    private long _maxLatenessNs;

    /// <param name="period">The control period, seconds.</param>
    /// <param name="lateThreshold">Wake-ups later than this (seconds) count as late ticks.</param>
    public LoopMetrics(double period, double lateThreshold)
    {
        Period = period;
        LateThreshold = lateThreshold;
    }

    public double Period { get; }

    public double LateThreshold { get; }

    public long Ticks => Interlocked.Read(ref _ticks);

    /// <summary>Deadlines missed whole (skipped).</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>
    /// Deadlines missed whole because the loop came back too late (the tick before overran), as opposed to
    /// being woken late; a controller that keeps its budget has none.
    /// </summary>
    public long Overruns => Interlocked.Read(ref _overruns);

    /// <summary>Every deadline miss, with its time and cause.</summary>
    public DeadlineMissLog Misses { get; } = new();

    /// <summary>Ticks that woke later than <see cref="LateThreshold"/>.</summary>
    public long Late => Interlocked.Read(ref _late);

    public double MaxDuration => Interlocked.Read(ref _maxDurationNs) / 1e9;

    public double MaxLateness => Interlocked.Read(ref _maxLatenessNs) / 1e9;

    /// <summary>Records one tick (control thread).</summary>
    public void Record(in Tick tick, double duration)
    {
        Interlocked.Increment(ref _ticks);
        if (tick.Skipped > 0)
        {
            Interlocked.Add(ref _skipped, tick.Skipped);
            if (tick.Overran)
            {
                Interlocked.Add(ref _overruns, tick.Skipped);
            }

            Misses.Add(new DeadlineMiss(tick.Index, tick.Skipped, tick.Lateness + (tick.Skipped * Period), tick.WokeAt, RealtimeScheduling.CurrentCpu(), tick.Overran, _lastDuration));
        }

        _lastDuration = duration;

        if (tick.Lateness > LateThreshold)
        {
            Interlocked.Increment(ref _late);
        }

        Add(_duration, ref _maxDurationNs, duration);
        Add(_lateness, ref _maxLatenessNs, tick.Lateness);
    }

    /// <summary>The upper bound of the bin holding the <paramref name="quantile"/> of tick durations, seconds.</summary>
    public double DurationPercentile(double quantile) => Percentile(_duration, quantile);

    /// <summary>The upper bound of the bin holding the <paramref name="quantile"/> of wake-up lateness, seconds.</summary>
    public double LatenessPercentile(double quantile) => Percentile(_lateness, quantile);

    private static void Add(long[] histogram, ref long max, double seconds)
    {
        var nanoseconds = (long)(seconds * 1e9);
        var microseconds = nanoseconds / 1000;
        var bin = microseconds <= 0 ? 0 : Math.Min(Bins - 1, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)microseconds));
        Interlocked.Increment(ref histogram[bin]);
        long seen;
        while (nanoseconds > (seen = Interlocked.Read(ref max)) && Interlocked.CompareExchange(ref max, nanoseconds, seen) != seen)
        {
        }
    }

    private static double Percentile(long[] histogram, double quantile)
    {
        long total = 0;
        for (var b = 0; b < Bins; b++)
        {
            total += Interlocked.Read(ref histogram[b]);
        }

        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var b = 0; b < Bins; b++)
        {
            seen += Interlocked.Read(ref histogram[b]);
            if (seen >= rank)
            {
                return Math.Pow(2, b) / 1e6;
            }
        }

        return Math.Pow(2, Bins - 1) / 1e6;
    }
}
