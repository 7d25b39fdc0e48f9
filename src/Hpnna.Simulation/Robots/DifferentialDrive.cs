using Hpnna.Robot.Contracts;

namespace Hpnna.Simulation.Robots;

/// <summary>
/// Unicycle kinematics driven by (v, omega) setpoints: velocities slew toward the capped setpoint within the
/// acceleration limits (speeding up) or the deceleration limits (slowing down), then the pose moves along the
/// exact arc for constant (v, omega) over the step.
/// </summary>
public sealed class DifferentialDrive(PioneerModel model, Pose2D pose)
{
    private AccelerationLimits _limits = AccelerationLimits.Of(model);

    public Pose2D Pose { get; private set; } = pose;

    /// <summary>The limits in force: the model's unless set (never above the model's, which bound a step's reach).</summary>
    public AccelerationLimits Limits
    {
        get => _limits;
        set => _limits = value.IsValid && value.Linear <= model.LinearAcceleration && value.LinearDeceleration <= model.LinearAcceleration
            && value.Angular <= model.AngularAcceleration && value.AngularDeceleration <= model.AngularAcceleration
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"acceleration limits must be above 0 and at most the model's ({model.LinearAcceleration} m/s², {model.AngularAcceleration:0.###} rad/s²)");
    }

    public double Linear { get; private set; }

    public double Angular { get; private set; }

    /// <summary>Advances by <paramref name="dt"/> seconds toward the setpoint.</summary>
    public void Step(in DriveCommand setpoint, double dt)
    {
        var linearTarget = Math.Clamp(setpoint.Linear, -model.MaxLinear, model.MaxLinear);
        var angularTarget = Math.Clamp(setpoint.Angular, -model.MaxAngular, model.MaxAngular);
        Linear = Slew(Linear, linearTarget, _limits.Linear * dt, _limits.LinearDeceleration * dt);
        Angular = Slew(Angular, angularTarget, _limits.Angular * dt, _limits.AngularDeceleration * dt);
        Pose = Integrate(Pose, Linear, Angular, dt);
    }

    /// <summary>Stops dead (a crash): velocities to zero, pose kept.</summary>
    public void Halt()
    {
        Linear = 0;
        Angular = 0;
    }

    /// <summary>The pose after moving at constant (v, omega) for dt: a straight line or an arc of radius v/omega.</summary>
    public static Pose2D Integrate(Pose2D pose, double linear, double angular, double dt)
    {
        var heading = pose.Heading;
        if (Math.Abs(angular) < 1e-9)
        {
            return new Pose2D(pose.X + linear * dt * Math.Cos(heading), pose.Y + linear * dt * Math.Sin(heading), heading);
        }

        var next = heading + angular * dt;
        var radius = linear / angular;
        return new Pose2D(
            pose.X + radius * (Math.Sin(next) - Math.Sin(heading)),
            pose.Y - radius * (Math.Cos(next) - Math.Cos(heading)),
            Pose2D.WrapAngle(next));
    }

    private static double Slew(double current, double target, double speedUp, double slowDown)
    {
        // Toward zero (or across it) the deceleration limit applies; away from zero the acceleration limit.
        var maxChange = Math.Abs(target) < Math.Abs(current) || target * current < 0 ? slowDown : speedUp;
        return current + Math.Clamp(target - current, -maxChange, maxChange);
    }
}
