using Hpnna.Arcos.Commands;
using Hpnna.Common.Links;
using Hpnna.Arcos.Units;

namespace Hpnna.Devices.Arcos;

/// <summary>How the ARCOS client reaches the robot and how patient it is.</summary>
public sealed record ArcosClientOptions
{
    /// <summary>Opens the link (called again for every reconnection attempt); throws IOException when it cannot.</summary>
    public required Func<IByteLink> OpenLink { get; init; }

    /// <summary>No SIP for this long means the link is lost (SIPs come every 100 ms).</summary>
    public TimeSpan SipTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The robot's state is stale once no SIP came for this long (3.5 SIP cycles): the drive base then reports
    /// itself not ready and the control loop holds the robot still until a SIP comes, so that line noise
    /// spoiling a few SIPs in a row never leaves the controller steering blind for the whole <see cref="SipTimeout"/>.
    /// </summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMilliseconds(350);

    /// <summary>
    /// When set, a moving robot is stopped once the controller has written no setpoint for this long (its
    /// thread stalled or died): the keep-alive would otherwise repeat its last setpoint forever. It moves
    /// again at the next setpoint. Null (the default) for callers that set a velocity once and leave it.
    /// </summary>
    public TimeSpan? SetpointTimeout { get; init; }

    /// <summary>
    /// Longest silence toward the robot: setpoints are repeated, or a PULSE sent, at this period. Well under
    /// the 500 ms watchdog a deployed robot should have (firmware-config/README), with room for a late I/O thread.
    /// </summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The longest robot watchdog accepted without a warning at connection: after a link loss the robot runs
    /// its last command blind for its watchdog period. In the simulator a 3 s cut after a 2 s drift crashed or
    /// misrouted the robot at 26 of 104 cut times; after 0.5 s, at none (tests/Hpnna.Host.Tests/LinkCutTests).
    /// </summary>
    public static TimeSpan LongestSafeWatchdog { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long to wait for each SYNC reply before restarting the handshake.</summary>
    public TimeSpan SyncTimeout { get; init; } = TimeSpan.FromMilliseconds(600);

    /// <summary>Handshake attempts per connection before the link is closed and reopened.</summary>
    public int SyncAttempts { get; init; } = 6;

    /// <summary>First wait after a failed connection; it doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Ask a serial robot that allows it (CONFIG ResetBaud = 2) to switch to this baud rate; null keeps 9600.</summary>
    public int? SwitchBaudRate { get; init; }

    /// <summary>Turn the motors on after connecting (ENABLE 1); a bench check may leave them off.</summary>
    public bool EnableMotors { get; init; } = true;

    /// <summary>Turn the base's sonar ring on (SONAR 1).</summary>
    public bool EnableSonar { get; init; } = true;

    /// <summary>Unit conversions; null picks them from the subclass the robot reports in SYNC2.</summary>
    public ConversionFactors? Units { get; init; }

    /// <summary>Setpoint caps applied before sending, m/s and rad/s.</summary>
    public double MaxLinear { get; init; } = 0.75;

    public double MaxAngular { get; init; } = 100 * Math.PI / 180;

    /// <summary>A battery reading below this logs a warning (a Pioneer's 12 V lead-acid pack is near empty at 11.5 V; the firmware's own alarm is at 11.0 V).</summary>
    public double LowBatteryVolts { get; init; } = 11.5;

    /// <summary>Checks the settings; every problem in one message.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero)
            {
                problems.Add($"{name} must be positive (got {value.TotalMilliseconds} ms)");
            }
        }

        Positive(SipTimeout, nameof(SipTimeout));
        Positive(KeepAlive, nameof(KeepAlive));
        Positive(SyncTimeout, nameof(SyncTimeout));
        Positive(ReconnectDelay, nameof(ReconnectDelay));
        Positive(StaleAfter, nameof(StaleAfter));
        if (SetpointTimeout is { } setpointTimeout)
        {
            Positive(setpointTimeout, nameof(SetpointTimeout));
        }

        if (StaleAfter >= SipTimeout)
        {
            problems.Add($"StaleAfter must be shorter than SipTimeout (got {StaleAfter.TotalMilliseconds} ms and {SipTimeout.TotalMilliseconds} ms)");
        }

        if (KeepAlive >= TimeSpan.FromSeconds(2))
        {
            problems.Add($"KeepAlive must be under the robot's 2 s watchdog (got {KeepAlive.TotalMilliseconds} ms)");
        }

        if (ReconnectMaxDelay < ReconnectDelay)
        {
            problems.Add("ReconnectMaxDelay must not be shorter than ReconnectDelay");
        }

        if (SyncAttempts < 1)
        {
            problems.Add($"SyncAttempts must be at least 1 (got {SyncAttempts})");
        }

        if (SwitchBaudRate is { } baud && HostBaud.Rates.IndexOf(baud) < 0)
        {
            problems.Add($"SwitchBaudRate must be one of {string.Join(", ", HostBaud.Rates.ToArray())} (got {baud})");
        }

        if (!(MaxLinear > 0) || !(MaxAngular > 0))
        {
            problems.Add("MaxLinear and MaxAngular must be positive");
        }

        if (!(LowBatteryVolts is > 0 and < 30))
        {
            problems.Add($"LowBatteryVolts must be between 0 and 30 V (got {LowBatteryVolts})");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("ARCOS client settings: " + string.Join("; ", problems));
        }
    }
}
