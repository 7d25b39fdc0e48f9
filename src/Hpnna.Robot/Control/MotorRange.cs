using Hpnna.Core.Interpreters;
using Hpnna.Robot.Contracts;

namespace Hpnna.Robot.Control;

/// <summary>
/// The speeds L1's output activities stand for: v = MaxLinear (2 o1 - 1) in m/s and
/// omega = MaxAngular (2 o2 - 1) in rad/s (positive = counter-clockwise, to the left).
/// </summary>
public sealed record MotorRange(double MaxLinear, double MaxAngular)
{
    /// <summary>0.5 m/s (the nominal maze speed) and 1 rad/s (57 degrees/s).</summary>
    public static MotorRange Default { get; } = new(0.5, 1.0);

    public DriveCommand ToCommand(in MotorOutput output) =>
        new(MaxLinear * (2 * output.Linear - 1), MaxAngular * (2 * output.Angular - 1));
}
