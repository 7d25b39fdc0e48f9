namespace Hpnna.Robot.Contracts;

/// <summary>
/// A differential-drive base, real or simulated. Calls come from the control thread and must not block:
/// an implementation hands commands to its own writer and serves state from a buffer.
/// </summary>
public interface IDriveBase
{
    /// <summary>Sets the velocity setpoint; the base applies its own acceleration limits and caps.</summary>
    void Write(in DriveCommand command);

    /// <summary>Commands an immediate stop.</summary>
    void Stop();

    /// <summary>The latest odometry estimate.</summary>
    Odometry ReadOdometry();

    /// <summary>
    /// Connected and reporting the robot as it is now: false while a link is down, and after a reconnection
    /// until the robot's first report (its state and sonars would date from before the loss). The loop holds meanwhile.
    /// </summary>
    bool IsReady { get; }
}

/// <summary>What the base believes about its motion: integrated pose, measured velocities and fault flags.</summary>
public readonly record struct Odometry(Pose2D Pose, double Linear, double Angular, bool Stalled);
