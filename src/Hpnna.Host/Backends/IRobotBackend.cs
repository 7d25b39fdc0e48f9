using Hpnna.Robot.Contracts;
using Hpnna.Robot.Loop;

namespace Hpnna.Host.Backends;

/// <summary>
/// The robot the loop runs against, whichever it is: its hardware interface, the clock that paces the loop,
/// and what runs after each tick besides (a simulated world's physics and judge; nothing for a real robot).
/// </summary>
public interface IRobotBackend : IDisposable
{
    string Description { get; }

    IRobotHardware Hardware { get; }

    ITickSource Clock { get; }

    /// <summary>Run on the control thread after every tick, in order; a run with an outcome has an <see cref="IRunJudge"/> among them.</summary>
    IReadOnlyList<ITickObserver> Observers { get; }
}
