using Hpnna.Common.Validation;
using Hpnna.Core.Layers;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Control;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;
using Hpnna.Simulation.Worlds;

namespace Hpnna.Simulation.Tests;

public sealed class WorldAndEpisodeTests
{
    private const string Box = """
        {
          "format": "hpnna-world/1",
          "walls": [[-2, -2, 2, -2], [2, -2, 2, 2], [2, 2, -2, 2], [-2, 2, -2, -2]],
          "start": { "x": 0, "y": 0, "heading": 0 },
          "goals": [{ "name": "corner", "min": [1.2, 1.2], "max": [2, 2] }]
        }
        """;

    [Fact]
    public void A_world_file_loads()
    {
        var world = WorldFile.Parse(Box, "box.json");

        Assert.Equal(4, world.Walls.Length);
        Assert.Equal("corner", Assert.Single(world.Goals).Name);
    }

    [Theory]
    [InlineData("[2, -2, 2, 2]", "[2, -2, 2, -2]", "$.walls[1]: degenerate wall")]
    [InlineData("[2, -2, 2, 2]", "[2, \"NaN\", 2, 2]", "$.walls[1]: coordinates must be finite")]
    [InlineData("[2, -2, 2, 2]", "[2, -2, 2]", "$.walls[1]: a wall is [x1, y1, x2, y2]")]
    [InlineData("\"x\": 0, \"y\": 0", "\"x\": 1.9, \"y\": 0", "$.start: a robot of radius 0.26 m")]
    [InlineData("\"x\": 0, \"y\": 0", "\"x\": 9, \"y\": 0", "$.start: (9, 0) is outside the walls")]
    [InlineData("\"walls\"", "\"wall\"", "unknown field 'wall'")]
    [InlineData("\"format\": \"hpnna-world/1\"", "\"format\": \"other\"", "$.format: must be")]
    public void Bad_world_files_are_refused_with_the_reason(string from, string to, string message)
    {
        var json = Box.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Box, json);

        var error = Assert.Throws<InvalidDescriptionException>(() => WorldFile.Parse(json, "bad.json"));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Driving_into_a_wall_is_a_crash_that_stops_the_robot()
    {
        var world = WorldFile.Parse(Box, "box.json");
        var robot = new SimulatedRobot(world, PioneerModel.P3Dx, SonarLayouts.PioneerFrontRing, SonarNoise.None, 0, seed: 1);
        var episode = new Episode(world, robot, new ConstantController(new DriveCommand(0.5, 0)), EpisodeSettings.Default, commandedGoal: "corner");

        var result = episode.Run();

        Assert.Equal(EpisodeOutcome.Crash, result.Outcome);
        Assert.True(robot.Crashed);
        Assert.Equal(0, robot.Odometry.Linear);
        // Collisions are checked after each 10 ms physics step, so the disc may overlap the wall by one step's travel.
        var step = 0.5 * EpisodeSettings.Default.ControlPeriod / EpisodeSettings.Default.PhysicsSubsteps;
        Assert.InRange(robot.Pose.X, 2 - PioneerModel.P3Dx.Radius - step, 2 - PioneerModel.P3Dx.Radius + step);
    }

    [Fact]
    public void A_crashed_robot_put_back_at_the_start_drives_again_and_keeps_its_odometry()
    {
        var world = WorldFile.Parse(Box, "box.json");
        var robot = new SimulatedRobot(world, PioneerModel.P3Dx, SonarLayouts.PioneerFrontRing, SonarNoise.None, 0, seed: 1);
        new Episode(world, robot, new ConstantController(new DriveCommand(0.5, 0)), EpisodeSettings.Default, commandedGoal: "corner").Run();
        var odometry = robot.Odometry.Pose;
        var sonarsAtWall = new SonarReading[robot.Layout.Count];
        robot.SonarReadings.CopyTo(sonarsAtWall);

        robot.PlaceAt(world.Start);

        Assert.False(robot.Crashed);
        Assert.Equal(world.Start, robot.Pose);
        Assert.Equal(odometry, robot.Odometry.Pose); // carried, not driven
        var sonars = new SonarReading[robot.Layout.Count];
        robot.SonarReadings.CopyTo(sonars);
        Assert.NotEqual(sonarsAtWall, sonars); // the sonars see the start, not the wall it hit
        robot.Write(new DriveCommand(0.3, 0));
        robot.Advance(0.5, 5);
        Assert.True(robot.Pose.X > world.Start.X + 0.05, $"did not drive from the start: {robot.Pose}");
    }

    [Fact]
    public void Clearance_is_the_least_gap_kept_to_a_wall_and_zero_after_a_crash()
    {
        var world = WorldFile.Parse(Box, "box.json");
        var radius = PioneerModel.P3Dx.Radius;
        var standing = new SimulatedRobot(world, PioneerModel.P3Dx, SonarLayouts.PioneerFrontRing, SonarNoise.None, 0, seed: 1);
        var still = new Episode(world, standing, new ConstantController(DriveCommand.Stop), EpisodeSettings.Default with { TimeLimit = 1 }, null).Run();
        var driving = new SimulatedRobot(world, PioneerModel.P3Dx, SonarLayouts.PioneerFrontRing, SonarNoise.None, 0, seed: 1);
        driving.Write(new DriveCommand(0.5, 0));
        driving.Advance(2, 20); // toward the wall at x = 2, which is then the nearest
        var nearer = driving.Clearance;
        var driven = driving.Pose.X;
        var crashed = new Episode(world, driving, new ConstantController(new DriveCommand(0.5, 0)), EpisodeSettings.Default, null).Run();

        Assert.Equal(2 - radius, still.Clearance, 12); // every wall 2 m from the centre
        Assert.InRange(driven, 0.5, 1.5);
        Assert.Equal(2 - radius - driven, nearer, 12);
        Assert.Equal(0, crashed.Clearance);
        driving.PlaceAt(world.Start);
        Assert.Equal(2 - radius, driving.Clearance, 12);
    }

    [Fact]
    public void Standing_still_times_out()
    {
        var world = WorldFile.Parse(Box, "box.json");
        var robot = new SimulatedRobot(world, PioneerModel.P3Dx, SonarLayouts.PioneerFrontRing, SonarNoise.None, 0, seed: 1);

        var result = new Episode(world, robot, new ConstantController(DriveCommand.Stop), EpisodeSettings.Default with { TimeLimit = 2 }, null).Run();

        Assert.Equal(EpisodeOutcome.TimeOut, result.Outcome);
        Assert.Equal(40, result.Ticks);
    }

    [Fact]
    public void Entering_another_goal_is_a_wrong_goal()
    {
        var maze = TMazeGenerator.Generate(new TMazeSpec(3, 3.0, TMazeSpec.DefaultWidth));
        var settings = EpisodeSettings.Default;
        var episode = MazeEpisode.Create(maze, MazeEpisode.ScriptedController(maze, "G3", settings), "G6", seed: 1, settings);

        var result = episode.Run();

        Assert.Equal(EpisodeOutcome.WrongGoal, result.Outcome);
        Assert.Equal("G3", result.Goal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_noisy_episode_bit_for_bit_on_any_thread()
    {
        EpisodeTrace Run(int seed)
        {
            var maze = TMazeGenerator.Generate(new TMazeSpec(3, 4.5, TMazeSpec.DefaultWidth));
            var trace = new EpisodeTrace();
            var settings = EpisodeSettings.Default;
            MazeEpisode.Create(maze, MazeEpisode.ScriptedController(maze, "G6", settings), "G6", seed, settings, new SonarNoise(0.02, 0.02), 0.02, trace).Run();
            return trace;
        }

        static string Text(EpisodeTrace trace)
        {
            var writer = new StringWriter();
            trace.WriteCsv(writer);
            return writer.ToString();
        }

        var here = Text(Run(11));
        var parallel = new string[4];
        Parallel.For(0, parallel.Length, i => parallel[i] = Text(Run(11)));

        Assert.All(parallel, other => Assert.Equal(here, other));
        Assert.NotEqual(here, Text(Run(12)));
    }

    [Fact]
    public void A_tick_allocates_nothing_without_a_trace()
    {
        var maze = TMazeGenerator.Generate(new TMazeSpec(3, 6.0, TMazeSpec.DefaultWidth));
        var settings = EpisodeSettings.Default with { TimeLimit = 1e6 };
        var episode = MazeEpisode.Create(maze, new ConstantController(DriveCommand.Stop), "G1", seed: 3, settings, new SonarNoise(0.01, 0.05), 0.01);
        episode.Tick();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20_000; i++)
        {
            episode.Tick();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Null(episode.Result);
    }

    private sealed class ConstantController(DriveCommand command) : IController
    {
        public string Activity => "constant";

        public void Reset()
        {
        }

        public DriveCommand Update(SensorFrame frame) => command;
    }
}
