namespace Hpnna.Robot.Loop;

/// <summary>
/// Runs on the control thread after each tick has written its setpoint: a simulated world stepping its physics
/// by one period, a judge of the run, a recorder. Never part of the tick itself; allocates nothing per tick.
/// </summary>
public interface ITickObserver
{
    /// <summary>Sees tick <paramref name="tick"/> done; returns true when the run is over (a simulated run reached a goal, crashed or timed out).</summary>
    bool AfterTick(in Tick tick);
}

/// <summary>An observer that judges a run that can end: a simulated maze run (a robot in the field has no judge).</summary>
public interface IRunJudge : ITickObserver
{
    /// <summary>Whether the run is over (goal, crash, time-out).</summary>
    bool Finished { get; }

    /// <summary>How the run ended, once <see cref="Finished"/>, in words for the log.</summary>
    string Outcome { get; }

    bool Succeeded { get; }

    /// <summary>A new goal took effect (an operator's swap landed): the run is judged against this one from now on.</summary>
    void GoalChanged(string goal);
}
