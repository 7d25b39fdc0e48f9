using Hpnna.Core.Interpreters;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;

namespace Hpnna.Robot.Control;

/// <summary>L1 alone running one fixed primitive code: the sonars in, a velocity setpoint out.</summary>
public sealed class PrimitiveController : IController
{
    private readonly L1Interpreter _l1;
    private readonly SonarGrouping _grouping;
    private readonly MotorRange _motors;

    public PrimitiveController(L1Interpreter l1, ReadOnlySpan<double> code, SonarGrouping grouping, MotorRange motors)
    {
        _l1 = l1;
        _grouping = grouping;
        _motors = motors;
        l1.Layer.SetCode(code);
    }

    public string Activity => "primitive";

    public void Reset() => _l1.Layer.Reset();

    public DriveCommand Update(SensorFrame frame) => _motors.ToCommand(_l1.Step(_grouping.Group(frame.Ranges)));
}
