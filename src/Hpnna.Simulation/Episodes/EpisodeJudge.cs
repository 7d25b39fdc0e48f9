using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Geometry;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Worlds;

namespace Hpnna.Simulation.Episodes;

/// <summary>
/// Whether a maze run is over and how: a crash first, then entering a goal region (the commanded one, or any
/// when none is commanded), then the time limit. Shared by episodes, the host's simulator backend, the HIL rig
/// and the odometry judge of a real base, so that all of them judge a run the same way. Allocation-free.
/// </summary>
public static class EpisodeJudge
{
    /// <summary>The outcome once the run is over, else null; <paramref name="goal"/> names the goal region entered, if any.</summary>
    public static EpisodeOutcome? Judge(World world, SimulatedRobot robot, string? commandedGoal, double time, double timeLimit, out string? goal) =>
        Judge(world, robot.Crashed, robot.Pose, commandedGoal, time, timeLimit, out goal);

    /// <summary>The same for a robot known by its pose and whether it hit something (a real base: odometry and stall flags).</summary>
    public static EpisodeOutcome? Judge(World world, bool crashed, Pose2D pose, string? commandedGoal, double time, double timeLimit, out string? goal)
    {
        goal = null;
        if (crashed)
        {
            return EpisodeOutcome.Crash;
        }

        if (world.GoalAt(new Vec2(pose.X, pose.Y)) is { } region)
        {
            goal = region.Name;
            return commandedGoal is null || region.Name == commandedGoal ? EpisodeOutcome.GoalReached : EpisodeOutcome.WrongGoal;
        }

        return time >= timeLimit - 1e-9 ? EpisodeOutcome.TimeOut : null;
    }
}
