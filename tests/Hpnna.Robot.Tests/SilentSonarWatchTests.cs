using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;

namespace Hpnna.Robot.Tests;

/// <summary>The dead-sonar watch on the Pioneer front ring (discs 0-7 from the left side round to the right side).</summary>
public sealed class SilentSonarWatchTests
{
    private const double Period = 0.05; // 20 ticks make the watch's 1 s

    [Fact]
    public void A_disc_hearing_nothing_beside_a_near_wall_for_1_s_is_declared_dead()
    {
        var watch = new SilentSonarWatch(PioneerSonarRing.Front, Period);
        var readings = Corridor();
        readings[0] = Nothing; // the left side disc goes deaf; disc 1 (40 degrees away) still sees the left wall
        for (var tick = 1; tick < 20; tick++)
        {
            Assert.False(watch.Check(readings), $"declared dead after {tick} ticks");
        }

        Assert.True(watch.Check(readings));
        Assert.Equal(0, watch.DeadDisc);

        // It hears again: no longer dead.
        Assert.False(watch.Check(Corridor()));
        Assert.Equal(-1, watch.DeadDisc);
    }

    [Fact]
    public void Dropouts_and_open_space_are_not_a_dead_disc()
    {
        var watch = new SilentSonarWatch(PioneerSonarRing.Front, Period);

        // A disc that drops out now and then (every 10th tick it hears) never reaches 1 s of silence.
        for (var tick = 0; tick < 200; tick++)
        {
            var readings = Corridor();
            if (tick % 10 != 0)
            {
                readings[3] = Nothing;
            }

            Assert.False(watch.Check(readings));
        }

        // In the open every disc hears nothing, and none is to blame.
        var open = Enumerable.Repeat(Nothing, 8).ToArray();
        for (var tick = 0; tick < 100; tick++)
        {
            Assert.False(watch.Check(open));
        }

        // A silent disc whose neighbours see only far walls could be looking into an opening.
        var junction = Corridor();
        junction[0] = Nothing;
        junction[1] = new SonarReading(2.5, true);
        for (var tick = 0; tick < 100; tick++)
        {
            Assert.False(watch.Check(junction));
        }
    }

    private static readonly SonarReading Nothing = new(5, false);

    /// <summary>Walls 0.6 m to each side and 3 m ahead, as the ring would range them.</summary>
    private static SonarReading[] Corridor() =>
        [.. PioneerSonarRing.Front.Sensors.Select(s => new SonarReading(Math.Min(5, Math.Min(Math.Abs(0.6 / Math.Sin(s.Heading) + 1e-9), 3 / Math.Cos(s.Heading))), true))];
}
