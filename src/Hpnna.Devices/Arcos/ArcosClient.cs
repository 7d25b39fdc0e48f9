using System.Diagnostics;
using Hpnna.Arcos.Commands;
using Hpnna.Common.Links;
using Hpnna.Arcos.Packets;
using Hpnna.Arcos.Units;
using Hpnna.Common.Threading;
using Hpnna.Robot.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hpnna.Devices.Arcos;

/// <summary>
/// Keeps a Pioneer connected and moving as asked, on a thread of its own.
/// </summary>
/// <remarks>
/// The I/O thread opens the link, runs the handshake (<see cref="ArcosConnector"/>), then loops: read and
/// parse whatever arrived (SIPs into the state snapshot), send the newest setpoint as VEL and RVEL when it
/// changes and at least every <see cref="ArcosClientOptions.KeepAlive"/> (a PULSE when there is nothing to
/// send; a stop instead when the controller has fallen silent for <see cref="ArcosClientOptions.SetpointTimeout"/>),
/// and declare the link lost when no SIP came for <see cref="ArcosClientOptions.SipTimeout"/>. Then
/// it reconnects with a doubling back-off; setpoints written before a session's first SIP are never sent
/// in it, so after a loss the robot stays still until the controller, seeing the robot afresh
/// (<see cref="RobotState.IsCurrent"/>), asks again. Disposing stops the robot (VEL 0, RVEL 0),
/// disables the motors and closes the session (ENABLE 0, CLOSE).
/// The control thread talks to it only through two triple buffers (setpoints in, state snapshots out), so its
/// calls take no lock; an E_STOP from any thread is a sequence number the I/O thread picks up.
/// </remarks>
public sealed class ArcosClient : IDisposable
{
    private static readonly TimeSpan ReadSlice = TimeSpan.FromMilliseconds(10);

    private readonly ArcosClientOptions _options;
    private readonly ILogger _logger;
    private readonly TripleBuffer<SetpointSlot> _setpoints = new(() => new SetpointSlot());
    private readonly TripleBuffer<RobotState> _state = new(() => new RobotState());
    private readonly RobotState _working = new();
    private readonly SipTracker _tracker = new();
    private readonly BaseHealthWatch _health;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _sequence;
    private long _emergency; // sequence number of the latest E_STOP request, 0 if none
    private bool _disposed;

    public ArcosClient(ArcosClientOptions options, ILogger? logger = null)
    {
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _health = new BaseHealthWatch(options.LowBatteryVolts, _logger);
        _thread = new Thread(Run) { IsBackground = true, Name = "arcos-io" };
    }

    /// <summary>The settings the client runs with.</summary>
    public ArcosClientOptions Options => _options;

    /// <summary>Raised on the I/O thread when the link state changes (connected, lost, closed).</summary>
    public event Action<LinkState, string>? LinkChanged;

    /// <summary>Starts the I/O thread; it connects and keeps reconnecting until disposed.</summary>
    public void Start() => _thread.Start();

    /// <summary>
    /// The newest state snapshot. Call from one thread only (the control thread): the snapshot it returns
    /// stays unchanged until that thread calls again.
    /// </summary>
    public RobotState ReadState()
    {
        _state.TryRefresh();
        return _state.Front;
    }

    /// <summary>
    /// Asks for a velocity (m/s, rad/s); sent at the next I/O pass. Call from one thread (the control thread):
    /// it is the setpoint buffer's only writer, so the call takes no lock and never blocks.
    /// </summary>
    public void SetVelocity(in DriveCommand command)
    {
        var linear = double.IsFinite(command.Linear) ? Math.Clamp(command.Linear, -_options.MaxLinear, _options.MaxLinear) : 0;
        var angular = double.IsFinite(command.Angular) ? Math.Clamp(command.Angular, -_options.MaxAngular, _options.MaxAngular) : 0;
        var slot = _setpoints.Back;
        slot.Command = new DriveCommand(linear, angular);
        slot.Sequence = Interlocked.Increment(ref _sequence);
        _setpoints.Publish();
    }

    /// <summary>E_STOP now (any thread): the robot stops at once, overriding deceleration; later setpoints move it again.</summary>
    public void EmergencyStop() => Volatile.Write(ref _emergency, Interlocked.Increment(ref _sequence));

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        if (_thread.IsAlive && !_thread.Join(TimeSpan.FromSeconds(3)))
        {
            _logger.LogError("ARCOS I/O thread did not stop within 3 s; abandoning it");
        }
    }

    private void Run()
    {
        var delay = _options.ReconnectDelay;
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            IByteLink? link = null;
            try
            {
                SetLink(LinkState.Connecting, "connecting");
                link = _options.OpenLink();
                var channel = new PacketChannel(link);
                Serve(channel, token);
                delay = _options.ReconnectDelay;
            }
            catch (Exception e) when (e is IOException or LinkLostException or TimeoutException)
            {
                _working.LinkLosses += _working.Link == LinkState.Connected ? 1 : 0;
                SetLink(LinkState.Lost, e.Message);
                _logger.LogWarning("Robot link: {Reason}; retrying in {Delay} ms", e.Message, delay.TotalMilliseconds);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            finally
            {
                link?.Dispose();
            }

            if (token.WaitHandle.WaitOne(delay))
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
        }

        SetLink(LinkState.Closed, "closed");
    }

    private void Serve(PacketChannel channel, CancellationToken token)
    {
        var connector = new ArcosConnector(_options, _logger);
        var (identity, config) = connector.Connect(channel, Apply, token);
        CheckWatchdog(config);
        _working.Watchdog = config is { Watchdog: > 0 } ? TimeSpan.FromMilliseconds(config.Watchdog) : null;
        _tracker.Units = _options.Units ?? ConversionFactors.ForSubclass(identity.Subclass) ?? Fallback(identity.Subclass);
        _working.Identity = identity;
        _working.BeginSession();

        // Only setpoints and E_STOPs written after this session's first SIP act on the robot: anything
        // earlier was computed from what the robot looked like before the connection (or a loss).
        var since = long.MaxValue;
        var lastSip = Stopwatch.GetTimestamp();
        var lastSent = lastSip;
        var motion = DriveCommand.Stop;
        var hasMotion = false;
        var sentMotion = new DriveCommand(double.NaN, double.NaN);
        var stale = false;
        var lastSetpoint = lastSip;
        SetLink(LinkState.Connected, $"connected to {identity.Name} on {channel.Link.Description}");

        while (!token.IsCancellationRequested)
        {
            var sipsBefore = _working.SipCount;
            if (channel.TryReceive(ReadSlice, out var packet))
            {
                do
                {
                    Apply(packet);
                }
                while (channel.TryReceive(TimeSpan.Zero, out packet));
            }

            var now = Stopwatch.GetTimestamp();
            if (_working.SipCount != sipsBefore)
            {
                if (_working.SessionSipCount == 0)
                {
                    since = Interlocked.Read(ref _sequence);
                }

                _working.SessionSipCount += _working.SipCount - sipsBefore;
                if (stale)
                {
                    stale = false;
                    _logger.LogInformation("{Link}: SIPs back after {Gap:0} ms", channel.Link.Description, Stopwatch.GetElapsedTime(lastSip, now).TotalMilliseconds);
                }

                lastSip = now;
                Publish();
                _health.Observe(_working);
            }
            else if (Stopwatch.GetElapsedTime(lastSip, now) > _options.SipTimeout)
            {
                throw new LinkLostException($"{channel.Link.Description}: no SIP for {_options.SipTimeout.TotalMilliseconds} ms");
            }
            else if (!stale && _working.SessionSipCount > 0 && Stopwatch.GetElapsedTime(lastSip, now) > _options.StaleAfter)
            {
                stale = true;
                _logger.LogWarning("{Link}: no SIP for {Stale} ms; the robot is held still until one comes", channel.Link.Description, _options.StaleAfter.TotalMilliseconds);
            }

            var emergency = Volatile.Read(ref _emergency);
            if (emergency > since)
            {
                since = emergency;
                channel.Send(CommandNumber.EmergencyStop);
                _logger.LogWarning("E_STOP sent");
                motion = DriveCommand.Stop;
                hasMotion = true;
            }

            // Setpoints from before the connection or before the latest E_STOP never move the robot.
            if (_setpoints.TryRefresh())
            {
                lastSetpoint = now;
                if (_setpoints.Front.Sequence > since)
                {
                    motion = _setpoints.Front.Command;
                    hasMotion = true;
                }
            }
            else if (_options.SetpointTimeout is { } timeout && motion != DriveCommand.Stop && Stopwatch.GetElapsedTime(lastSetpoint, now) > timeout)
            {
                motion = DriveCommand.Stop;
                _logger.LogWarning("No setpoint from the controller for {Timeout} ms: robot stopped until the next one", timeout.TotalMilliseconds);
            }

            var due = Stopwatch.GetElapsedTime(lastSent, now) >= _options.KeepAlive;
            if (hasMotion && (due || motion != sentMotion))
            {
                channel.Send(CommandNumber.Velocity, (int)Math.Round(motion.Linear * 1000));
                channel.Send(CommandNumber.RotationalVelocity, (int)Math.Round(motion.Angular * 180 / Math.PI));
                sentMotion = motion;
                lastSent = now;
            }
            else if (due)
            {
                channel.Send(CommandNumber.Pulse);
                lastSent = now;
            }
        }

        Close(channel);
    }

    private void Close(PacketChannel channel)
    {
        try
        {
            channel.Send(CommandNumber.Velocity, 0);
            channel.Send(CommandNumber.RotationalVelocity, 0);
            channel.Send(CommandNumber.Enable, 0);
            channel.Send(CommandNumber.Close);
            _logger.LogInformation("{Link}: robot stopped, motors disabled, session closed ({Sent} packets sent in the session)", channel.Link.Description, channel.CommandsSent);
        }
        catch (LinkLostException e)
        {
            _logger.LogWarning("Could not close the robot session cleanly: {Reason}", e.Message);
        }
    }

    private void Apply(ReadOnlySpan<byte> packet) => _tracker.Apply(packet, _working, Stopwatch.GetTimestamp());

    private ConversionFactors Fallback(string subclass)
    {
        _logger.LogWarning("Unknown robot subclass '{Subclass}'; using p3dx-sh conversion factors (set Units to override)", subclass);
        return ConversionFactors.P3dxSh;
    }

    private void CheckWatchdog(ConfigPacket? config)
    {
        if (config is not { Watchdog: > 0 } known)
        {
            return;
        }

        var watchdog = TimeSpan.FromMilliseconds(known.Watchdog);
        if (_options.KeepAlive >= watchdog)
        {
            _logger.LogError("The robot's watchdog is {Watchdog} ms, no longer than the keep-alive ({KeepAlive} ms): it will stop the robot between packets. Raise Watchdog in its FLASH to {Recommended} ms", watchdog.TotalMilliseconds, _options.KeepAlive.TotalMilliseconds, ArcosClientOptions.LongestSafeWatchdog.TotalMilliseconds);
        }
        else if (watchdog > ArcosClientOptions.LongestSafeWatchdog)
        {
            _logger.LogWarning("The robot's watchdog is {Watchdog} ms: after a link loss it drives on blind that long before it stops. Set Watchdog to {Recommended} ms in its FLASH (firmware-config/README.md)", watchdog.TotalMilliseconds, ArcosClientOptions.LongestSafeWatchdog.TotalMilliseconds);
        }
    }

    private void SetLink(LinkState state, string reason)
    {
        if (_working.Link == state)
        {
            return;
        }

        _working.Link = state;
        if (state == LinkState.Connected)
        {
            _logger.LogInformation("Robot link: {Reason}", reason);
        }

        Publish();
        LinkChanged?.Invoke(state, reason);
    }

    private void Publish()
    {
        _working.CopyTo(_state.Back);
        _state.Publish();
    }
}
