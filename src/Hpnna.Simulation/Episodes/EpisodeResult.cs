namespace Hpnna.Simulation.Episodes;

public enum EpisodeOutcome
{
    /// <summary>The robot entered the commanded goal (or any goal, when none was commanded).</summary>
    GoalReached,

    /// <summary>The robot entered another goal than the commanded one.</summary>
    WrongGoal,

    /// <summary>The robot touched a wall and stopped.</summary>
    Crash,

    /// <summary>The time limit passed first.</summary>
    TimeOut,
}

/// <summary>An outcome in the words a picture or a report shows (never the enum's name).</summary>
public static class EpisodeOutcomeText
{
    public static string Words(this EpisodeOutcome outcome) => outcome switch
    {
        EpisodeOutcome.GoalReached => "reached",
        EpisodeOutcome.WrongGoal => "wrong goal",
        EpisodeOutcome.Crash => "crashed",
        _ => "timed out",
    };
}

/// <summary>
/// How an episode ended: outcome, the goal entered (if any), simulated time, path length, ticks, and the
/// least gap the robot's body kept to a wall (<see cref="Robots.SimulatedRobot.Clearance"/>, metres).
/// </summary>
public sealed record EpisodeResult(EpisodeOutcome Outcome, string? Goal, double Time, double Distance, int Ticks, double Clearance)
{
    public bool Success => Outcome == EpisodeOutcome.GoalReached;
}
