using Hpnna.Robot.Contracts;

namespace Hpnna.Robot.Control;

/// <summary>
/// The controller update of one tick: the tick's sensor frame in, a velocity setpoint out.
/// Called on the control thread; implementations allocate nothing and never block.
/// </summary>
public interface IController
{
    /// <summary>Back to the state at the start of a run.</summary>
    void Reset();

    DriveCommand Update(SensorFrame frame);

    /// <summary>A short label of what the controller is doing now, for logs and traces (a constant string: no allocation).</summary>
    string Activity { get; }
}
