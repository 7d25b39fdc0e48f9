namespace Hpnna.Robot.Contracts;

/// <summary>
/// Everything the robot's hardware said at one tick, latched once at the top of the tick and read by
/// everything after it: the controller never reaches back to a device, so one tick acts on one moment. Made
/// once per loop; filling it allocates nothing.
/// </summary>
public sealed class SensorFrame
{
    private readonly SonarReading[] _ranges;

    public SensorFrame(SensorLayout layout)
    {
        Layout = layout;
        _ranges = new SonarReading[layout.Count];
    }

    public SensorLayout Layout { get; }

    /// <summary>The tick this frame was latched for: its number since the start.</summary>
    public long Index { get; set; }

    /// <summary>The tick's time, seconds since the start (virtual or monotonic).</summary>
    public double Time { get; set; }

    /// <summary>Every sensor's range and age, in the layout's index order; the hardware fills it in place.</summary>
    public Span<SonarReading> Ranges => _ranges;

    public Odometry Odometry { get; set; }

    /// <summary>
    /// Connected and reporting the robot as it is now: false while a link is down, after a reconnection until
    /// the robot's first report, or while its last report is stale. The tick holds the robot stopped meanwhile.
    /// </summary>
    public bool BaseReady { get; set; }

    /// <summary>Which report of the base the frame was latched from (the SIP count on ARCOS, the physics step in the simulator).</summary>
    public long BaseSample { get; set; }
}

/// <summary>What the base believes about its motion: integrated pose, measured velocities and fault flags.</summary>
public readonly record struct Odometry(Pose2D Pose, double Linear, double Angular, bool Stalled);
