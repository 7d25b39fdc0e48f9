using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Simulation.Tests;

/// <summary>The simulator's HC-SR04 modules: readings refreshed only when their slot of the driver's schedule comes round.</summary>
public sealed class PingedSonarTests
{
    private const double Period = 0.05;

    [Fact]
    public void Modules_refresh_in_turn_neighbours_apart_each_at_most_every_60_ms_and_age_between_pings()
    {
        var maze = TMazeGenerator.Depth3(3);
        var robot = SonarSetup.Hcsr04.Robot(maze.World, SonarNoise.None, 0, seed: 1);
        robot.Write(new DriveCommand(0.3, 0));
        var frame = new SensorFrame(robot.Layout);

        // Before the first slot ends nothing has been heard: max range, no echo, infinitely old.
        robot.Read(frame);
        Assert.All(frame.Ranges.ToArray(), r => Assert.Equal((Hpnna.Robot.Sensing.Hcsr04Sensor.MaxRange, false, double.PositiveInfinity), (r.Range, r.Echo, r.Age)));

        var stamps = Enumerable.Range(0, 5).Select(_ => new SortedSet<double>()).ToArray();
        for (var tick = 1; tick <= 100; tick++)
        {
            robot.Advance(Period, 5);
            robot.Read(frame);
            if (tick == 1)
            {
                // 50 ms in: the first slot (right, front, left) has been published, the second (the diagonals) is still out.
                Assert.Equal([true, false, true, false, true], frame.Ranges.ToArray().Select(r => double.IsFinite(r.Age)));
                continue;
            }

            for (var i = 0; i < 5; i++)
            {
                Assert.InRange(frame.Ranges[i].Age, 0, 0.060 + 1e-9);
                stamps[i].Add(Math.Round(tick * Period - frame.Ranges[i].Age, 6));
            }
        }

        // Each module is published every 60 ms (two 30 ms slots a cycle), never more often.
        foreach (var published in stamps)
        {
            var gaps = published.Zip(published.Skip(1), (a, b) => b - a).ToArray();
            Assert.All(gaps, g => Assert.True(g >= 0.060 - 1e-9, $"a module was pinged again after {g * 1000:0} ms"));
        }

        // The non-adjacent schedule fires right, front and left together and the diagonals apart: neighbours never together.
        Assert.Equal(stamps[0], stamps[2]);
        Assert.Equal(stamps[0], stamps[4]);
        Assert.Equal(stamps[1], stamps[3]);
        Assert.Empty(stamps[0].Intersect(stamps[1]));

        // The stem's end wall was beyond the module's 4 m at the start; the robot drove about 1.4 m towards it.
        Assert.True(frame.Ranges[2].Echo);
        Assert.InRange(frame.Ranges[2].Range, 3.0, 3.8);
    }

    [Fact]
    public void The_same_seed_gives_the_same_pinged_readings()
    {
        var maze = TMazeGenerator.Depth3(3);
        double[] Run()
        {
            var robot = SonarSetup.Hcsr04.Robot(maze.World, new SonarNoise(0.02, 0.05), 0, seed: 7);
            robot.Write(new DriveCommand(0.3, 0.1));
            var frame = new SensorFrame(robot.Layout);
            var ranges = new List<double>();
            for (var tick = 0; tick < 60; tick++)
            {
                robot.Advance(Period, 5);
                robot.Read(frame);
                ranges.AddRange(frame.Ranges.ToArray().Select(r => r.Range));
            }

            return [.. ranges];
        }

        Assert.Equal(Run(), Run());
    }
}
