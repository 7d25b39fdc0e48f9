using Hpnna.Arcos.Packets;
using Hpnna.Robot.Contracts;

namespace Hpnna.Devices.Arcos;

/// <summary>Where the connection to the robot stands.</summary>
public enum LinkState
{
    Connecting,
    Connected,
    Lost,
    Closed,
}

/// <summary>
/// Everything the client knows about the base, in SI units, as one snapshot. The client's I/O thread fills
/// one copy and publishes it whole; the control thread reads another, so neither waits for the other.
/// </summary>
public sealed class RobotState
{
    /// <summary>Sonar discs a SIP can address.</summary>
    public const int SonarCapacity = 32;

    public LinkState Link { get; internal set; } = LinkState.Connecting;

    /// <summary>Robot name, class and subclass from SYNC2 (null before the first connection).</summary>
    public SyncReply? Identity { get; internal set; }

    /// <summary>The robot's communication watchdog from its CONFIG packet (null if it sent none).</summary>
    public TimeSpan? Watchdog { get; internal set; }

    public Pose2D Pose { get; internal set; }

    /// <summary>m/s and rad/s.</summary>
    public double Linear { get; internal set; }

    public double Angular { get; internal set; }

    public double LeftWheel { get; internal set; }

    public double RightWheel { get; internal set; }

    /// <summary>Volts.</summary>
    public double Battery { get; internal set; }

    public bool LeftStalled { get; internal set; }

    public bool RightStalled { get; internal set; }

    public byte FrontBumpers { get; internal set; }

    public byte RearBumpers { get; internal set; }

    public bool MotorsEnabled { get; internal set; }

    public bool StopButtonPressed { get; internal set; }

    /// <summary>Metres per disc; <see cref="double.NaN"/> until the disc has reported.</summary>
    public double[] SonarRanges { get; } = CreateRanges();

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of each disc's last reading (0 = never).</summary>
    public long[] SonarStamps { get; } = new long[SonarCapacity];

    public long SipCount { get; internal set; }

    /// <summary>SIPs since the current session opened (0 right after a reconnection).</summary>
    public long SessionSipCount { get; internal set; }

    /// <summary>Connected, and this session has reported at least once: what the snapshot says is the robot now, not from before a link loss.</summary>
    public bool IsCurrent => Link == LinkState.Connected && SessionSipCount > 0;

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of the last SIP.</summary>
    public long LastSipStamp { get; internal set; }

    /// <summary><see cref="IsCurrent"/>, and the last SIP is at most <paramref name="maxAge"/> old: the robot as it is now, not as it was a while ago.</summary>
    public bool IsFresh(TimeSpan maxAge) => IsCurrent && System.Diagnostics.Stopwatch.GetElapsedTime(LastSipStamp) <= maxAge;

    /// <summary>Times the link was lost since start.</summary>
    public int LinkLosses { get; internal set; }

    public Odometry Odometry => new(Pose, Linear, Angular, LeftStalled || RightStalled);

    internal void CopyTo(RobotState other)
    {
        other.Link = Link;
        other.Identity = Identity;
        other.Watchdog = Watchdog;
        other.Pose = Pose;
        other.Linear = Linear;
        other.Angular = Angular;
        other.LeftWheel = LeftWheel;
        other.RightWheel = RightWheel;
        other.Battery = Battery;
        other.LeftStalled = LeftStalled;
        other.RightStalled = RightStalled;
        other.FrontBumpers = FrontBumpers;
        other.RearBumpers = RearBumpers;
        other.MotorsEnabled = MotorsEnabled;
        other.StopButtonPressed = StopButtonPressed;
        SonarRanges.CopyTo(other.SonarRanges, 0);
        SonarStamps.CopyTo(other.SonarStamps, 0);
        other.SipCount = SipCount;
        other.SessionSipCount = SessionSipCount;
        other.LastSipStamp = LastSipStamp;
        other.LinkLosses = LinkLosses;
    }

    /// <summary>A new session starts knowing nothing of the sonars: a disc not fired yet must not report where the robot was before a loss.</summary>
    internal void BeginSession()
    {
        SessionSipCount = 0;
        Array.Fill(SonarRanges, double.NaN);
        Array.Clear(SonarStamps);
    }

    private static double[] CreateRanges()
    {
        var ranges = new double[SonarCapacity];
        Array.Fill(ranges, double.NaN);
        return ranges;
    }
}
