using Hpnna.Robot.Contracts;
using Hpnna.Robot.Loop;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Simulation.Tests;

/// <summary>A real base's run judged by its odometry, aligned with the maze's start at the first report.</summary>
public sealed class OdometryJudgeTests
{
    private const double Period = 0.05;

    [Fact]
    public void Odometry_from_its_own_origin_is_placed_at_the_start_and_a_goal_entered_ends_the_run()
    {
        // A base that starts its odometry at (0, 0) facing +x; the maze's start faces up its stem.
        var maze = TMazeGenerator.Depth3(3);
        var goal = maze.World.Goals.First(g => g.Name == "G6");
        var (frame, judge) = Judged(maze, "G6");

        Assert.False(Step(judge, frame, 0, new Pose2D(0, 0, 0)));
        var start = maze.World.Start;
        Assert.False(Step(judge, frame, 1, new Pose2D(0.5, 0, 0)));
        Assert.False(judge.Finished);

        // The goal's centre, written in the base's own odometry frame (the inverse of the start's placement).
        var (dx, dy) = (goal.Area.Centre.X - start.X, goal.Area.Centre.Y - start.Y);
        var (cos, sin) = (Math.Cos(-start.Heading), Math.Sin(-start.Heading));
        Assert.True(Step(judge, frame, 2, new Pose2D(cos * dx - sin * dy, sin * dx + cos * dy, 0)));
        Assert.True(judge.Succeeded);
        Assert.Matches(@"^reached G6 after \d\.\d s \(3 ticks\)", judge.Outcome);
        Assert.EndsWith("(judged by odometry)", judge.Outcome);
    }

    [Fact]
    public void A_stalled_wheel_is_a_crash_and_the_time_limit_a_time_out()
    {
        var maze = TMazeGenerator.Depth3(3);
        var (frame, judge) = Judged(maze, "G1", timeLimit: 0.2);
        Assert.False(Step(judge, frame, 0, new Pose2D(0, 0, 0)));
        Assert.True(Step(judge, frame, 1, new Pose2D(0.1, 0, 0), stalled: true));
        Assert.Equal(EpisodeOutcome.Crash, judge.Result!.Outcome);

        (frame, judge) = Judged(maze, "G1", timeLimit: 0.2);
        Assert.False(Step(judge, frame, 0, new Pose2D(0, 0, 0)));
        Assert.False(Step(judge, frame, 1, new Pose2D(0.01, 0, 0)));
        Assert.True(Step(judge, frame, 3, new Pose2D(0.02, 0, 0)));
        Assert.Equal(EpisodeOutcome.TimeOut, judge.Result!.Outcome);
    }

    [Fact]
    public void Nothing_is_judged_before_the_base_reports()
    {
        var (frame, judge) = Judged(TMazeGenerator.Depth3(3), "G1", timeLimit: 0.1);
        frame.BaseReady = false;
        Assert.False(judge.AfterTick(new Tick(10, 10 * Period, 0, 0)));
        Assert.False(judge.Finished);
    }

    private static (SensorFrame Frame, OdometryJudge Judge) Judged(TMaze maze, string goal, double timeLimit = 120)
    {
        var frame = new SensorFrame(SonarLayouts.PioneerFrontRing) { BaseReady = true };
        return (frame, new OdometryJudge(maze.World, frame, goal, Period, timeLimit));
    }

    private static bool Step(OdometryJudge judge, SensorFrame frame, long index, Pose2D pose, bool stalled = false)
    {
        frame.Odometry = new Odometry(pose, 0, 0, stalled);
        return judge.AfterTick(new Tick(index, index * Period, 0, 0));
    }
}
