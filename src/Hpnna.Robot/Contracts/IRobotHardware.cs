namespace Hpnna.Robot.Contracts;

/// <summary>
/// The robot's hardware as the control tick sees it (ros2_control's hardware interface): read latches the
/// sensors and the base's state into a frame, write hands on a setpoint. Both run on the control thread and
/// must neither block nor allocate: an implementation serves state from buffers its own I/O threads fill and
/// hands commands to its own writer.
/// </summary>
public interface IRobotHardware
{
    /// <summary>The range sensors every frame carries, in index order.</summary>
    SensorLayout Layout { get; }

    /// <summary>Fills <paramref name="frame"/>'s ranges, odometry and readiness from one snapshot of each device.</summary>
    void Read(SensorFrame frame);

    /// <summary>Sets the velocity setpoint; the base applies its own acceleration limits and caps.</summary>
    void Write(in DriveCommand command);

    /// <summary>Commands an immediate stop (any thread: the loop's last word).</summary>
    void Stop();
}
