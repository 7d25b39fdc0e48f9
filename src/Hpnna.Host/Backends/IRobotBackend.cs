using Hpnna.Robot.Contracts;
using Hpnna.Robot.Loop;

namespace Hpnna.Host.Backends;

/// <summary>
/// The robot the loop runs against, whichever it is: its sonars, its base, the clock that paces the loop, and
/// (for runs that can end, like a simulated maze episode) the judgement of when and how it ended.
/// </summary>
public interface IRobotBackend : IDisposable
{
    string Description { get; }

    ISonarArray Sonars { get; }

    IDriveBase Drive { get; }

    ITickSource Clock { get; }

    /// <summary>Whether the run is over (goal, crash, time-out); a robot in the field never finishes by itself.</summary>
    bool Finished { get; }

    /// <summary>How the run ended, once <see cref="Finished"/>.</summary>
    string Outcome { get; }

    bool Succeeded { get; }

    /// <summary>The operator changed the goal (any thread); a backend that judges goals judges this one from now on.</summary>
    void GoalChanged(string goal);

    /// <summary>Called on the control thread after every tick; allocates nothing per tick (only once, when the run ends).</summary>
    void AfterTick(in Tick tick);

    /// <summary>Called once when the loop has ended and the robot is stopped (pictures, closing links).</summary>
    void Finish();
}
