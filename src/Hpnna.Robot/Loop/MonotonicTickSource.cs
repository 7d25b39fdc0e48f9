using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hpnna.Robot.Loop;

/// <summary>
/// Real time: sleeps to absolute deadlines on CLOCK_MONOTONIC with <c>clock_nanosleep(TIMER_ABSTIME)</c> on
/// Linux (PeriodicTimer, Task.Delay and Timer run on a 4 ms coarse clock there, see realtime.md), so errors
/// never accumulate. A deadline missed by a whole period (an overrun, or a wake-up that came that late) is counted and
/// skipped, never made up in a burst.
/// Elsewhere it falls back to Thread.Sleep plus a short spin (development machines only).
/// </summary>
public sealed partial class MonotonicTickSource : ITickSource
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsolute = 1;
    private static readonly double NanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    private readonly long _periodTicks;
    private long _start;
    private long _next;
    private long _index = -1;

    public MonotonicTickSource(double period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 0);
        Period = period;
        _periodTicks = (long)Math.Round(period * Stopwatch.Frequency);
    }

    public double Period { get; }

    /// <summary>Whether the precise Linux path is in use.</summary>
    public static bool IsPrecise => OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000;

    public Tick WaitForNext()
    {
        if (_index < 0)
        {
            _start = Stopwatch.GetTimestamp();
            _next = _start;
            _index = 0;
            return new Tick(0, 0, 0, 0);
        }

        _next += _periodTicks;
        _index++;
        var overran = Stopwatch.GetTimestamp() >= _next;
        SleepUntil(_next);
        var woke = Stopwatch.GetTimestamp();
        var skipped = 0;
        if (woke - _next >= _periodTicks)
        {
            // Awake a whole period late or more (the last tick overran, or the wake-up itself came late): those
            // deadlines are missed; count them and run the latest one now, without a burst.
            skipped = (int)((woke - _next) / _periodTicks);
            _next += skipped * _periodTicks;
            _index += skipped;
        }

        return new Tick(_index, (_next - _start) / (double)Stopwatch.Frequency, Math.Max(0, woke - _next) / (double)Stopwatch.Frequency, skipped, overran, woke);
    }

    private static void SleepUntil(long deadline)
    {
        if (IsPrecise)
        {
            var nanoseconds = (long)(deadline * NanosecondsPerTick);
            var request = new TimeSpec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
            while (ClockNanosleep(ClockMonotonic, TimerAbsolute, in request, IntPtr.Zero) == 4)
            {
                // EINTR: a signal woke us early; the deadline is absolute, so just sleep again.
            }

            return;
        }

        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
        if (left > TimeSpan.FromMilliseconds(2))
        {
            Thread.Sleep(left - TimeSpan.FromMilliseconds(1.5));
        }

        while (Stopwatch.GetTimestamp() < deadline)
        {
            Thread.SpinWait(20);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, in TimeSpec request, IntPtr remaining);
}
