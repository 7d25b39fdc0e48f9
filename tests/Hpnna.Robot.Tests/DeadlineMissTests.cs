using Hpnna.Robot.Loop;

namespace Hpnna.Robot.Tests;

/// <summary>How the loop's metrics tell an overrun from a late wake-up, and the log of misses a status thread reads.</summary>
public sealed class DeadlineMissTests
{
    private const double Period = 0.05;

    [Fact]
    public void Only_misses_after_an_overrun_count_as_overruns_and_every_miss_is_logged_with_its_time()
    {
        var metrics = new LoopMetrics(Period, Period * 0.2);
        metrics.Record(new Tick(1, Period, 0.001, 0), duration: 0.07);
        metrics.Record(new Tick(4, 4 * Period, 0.010, 2, Overran: true, WokeAt: 1_000), duration: 0.001);
        metrics.Record(new Tick(9, 9 * Period, 0.020, 4, Overran: false, WokeAt: 2_000), duration: 0.001);

        Assert.Equal(6, metrics.Skipped);
        Assert.Equal(2, metrics.Overruns);

        var cursor = 0L;
        var misses = new DeadlineMiss[DeadlineMissLog.Capacity];
        Assert.Equal(2, metrics.Misses.Read(ref cursor, misses, out var lost));
        Assert.Equal(0, lost);
        Assert.Equal(2, cursor);

        var (overrun, wakeUp) = (misses[0], misses[1]);
        Assert.True(overrun.Overran);
        Assert.Equal(0.07, overrun.PreviousDuration);
        Assert.Equal(0.010 + (2 * Period), overrun.Late, 12);
        Assert.Equal(1_000, overrun.WokeAt);
        Assert.False(wakeUp.Overran);
        Assert.Equal(0.020 + (4 * Period), wakeUp.Late, 12);
        Assert.Contains("late wake-up", wakeUp.ToString(), StringComparison.Ordinal);

        // Read again: nothing new.
        Assert.Equal(0, metrics.Misses.Read(ref cursor, misses, out lost));
    }

    [Fact]
    public void A_reader_that_falls_behind_is_told_how_many_misses_it_lost()
    {
        var log = new DeadlineMissLog();
        for (var i = 0; i < DeadlineMissLog.Capacity + 10; i++)
        {
            log.Add(new DeadlineMiss(i, 1, Period, i, 0, false, 0));
        }

        var cursor = 0L;
        var read = new DeadlineMiss[DeadlineMissLog.Capacity];
        var copied = log.Read(ref cursor, read, out var lost);

        Assert.Equal(DeadlineMissLog.Capacity + 10, cursor);
        Assert.Equal(DeadlineMissLog.Capacity + 10, copied + lost);
        Assert.True(lost >= 10, $"lost {lost}");

        // What was copied is the newest misses, in order.
        Assert.Equal(DeadlineMissLog.Capacity + 9, read[copied - 1].Index);
        for (var i = 1; i < copied; i++)
        {
            Assert.Equal(read[i - 1].Index + 1, read[i].Index);
        }
    }
}
