using System.Diagnostics;
using Hpnna.Arcos.Framing;
using Hpnna.Common.Links;
using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Robots;

namespace Hpnna.Simulation.Arcos;

/// <summary>
/// A simulated Pioneer that speaks ARCOS over a byte link in real time: the <see cref="ArcosRobotSession"/>
/// for the protocol, the <see cref="SimulatedRobot"/> for the body, a paced transmitter for the UART.
/// <see cref="Serve"/> runs on the caller's thread until cancelled or the link is lost; one loop reads
/// commands, advances physics in fixed steps locked to the wall clock, and sends what is due.
/// </summary>
public sealed class ArcosRobotEmulator
{
    private readonly SimulatedRobot _robot;
    private readonly ArcosRobotSession _session;
    private readonly PacedTransmitter _transmitter;
    private readonly PacketReader _reader = new();
    private readonly byte[] _receive = new byte[512];
    private readonly Lock _statusLock = new();
    private readonly double _physicsStep;
    private readonly double? _pauseOverStalls;
    private EmulatorStatus _status;
    private int _stalls;
    private double _longestStall;

    /// <param name="robot">The body; the emulator drives it and nothing else should while it serves.</param>
    /// <param name="physicsStep">Simulated seconds per physics step (the loop keeps simulated time equal to wall time).</param>
    public ArcosRobotEmulator(SimulatedRobot robot, EmulatorSettings? settings = null, double physicsStep = 0.01)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(physicsStep, 0);
        settings ??= new EmulatorSettings();
        _robot = robot;
        _physicsStep = physicsStep;
        _pauseOverStalls = settings.PauseOverStalls?.TotalSeconds;
        _session = new ArcosRobotSession(robot, settings);
        _transmitter = new PacedTransmitter(settings.BaudRate);
        _session.Output = _transmitter.Enqueue;
        if (settings.BaudRate > 0)
        {
            _session.BaudRateChanged = baud => _transmitter.BaudRate = baud;
        }
    }

    /// <summary>A consistent copy of what the emulated robot is doing (any thread).</summary>
    public EmulatorStatus Status
    {
        get
        {
            lock (_statusLock)
            {
                return _status;
            }
        }
    }

    /// <summary>Called on the serving thread after every loop pass with the simulated time; a rig injects faults or judges goals here.</summary>
    public Action<ArcosRobotSession, SimulatedRobot, double>? AfterStep { get; set; }

    /// <summary>Serves one link until <paramref name="cancellation"/> fires (returns) or the link is lost (throws).</summary>
    /// <exception cref="LinkLostException">The client's side of the link went away.</exception>
    public void Serve(IByteLink link, CancellationToken cancellation)
    {
        var clock = new PausableClock();
        var simulated = 0.0;
        _reader.Reset();
        try
        {
            Loop(link, clock, ref simulated, cancellation);
        }
        finally
        {
            Publish(simulated);
        }
    }

    private void Loop(IByteLink link, PausableClock clock, ref double simulated, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            var now = clock.Seconds;
            var wait = Math.Clamp(simulated + _physicsStep - now, 0, _physicsStep);
            var n = link.Read(_receive, TimeSpan.FromSeconds(_transmitter.IsIdle ? wait : Math.Min(wait, 0.002)));
            now = clock.Seconds;

            // The loop never waits longer than a step: a larger gap is time in which it did not run at all.
            if (_pauseOverStalls is { } limit && now - simulated > limit)
            {
                var gap = now - simulated - _physicsStep;
                clock.Pause(gap);
                now -= gap;
                _stalls++;
                _longestStall = Math.Max(_longestStall, gap);
            }

            if (n > 0)
            {
                _reader.Append(_receive.AsSpan(0, n));
                while (_reader.TryRead(out var packet))
                {
                    _session.Receive(packet, now);
                }

                // The motors follow a command at once, not at the next physics step (a CLOSE may be the last thing heard).
                _robot.Write(_session.EffectiveSetpoint);
            }

            while (simulated + _physicsStep <= now)
            {
                _robot.Write(_session.EffectiveSetpoint);
                _robot.Advance(_physicsStep, 2);
                simulated += _physicsStep;
            }

            _session.Update(now);
            _transmitter.Pump(link, now);
            AfterStep?.Invoke(_session, _robot, simulated);
            Publish(simulated);
        }
    }

    private void Publish(double time)
    {
        var status = new EmulatorStatus(
            time,
            _robot.Pose,
            _robot.Odometry,
            _robot.Setpoint,
            _session.IsOpen,
            _session.MotorsEnabled,
            _session.WatchdogTripped,
            _session.WatchdogTrips,
            _session.Sessions,
            _session.CommandsReceived,
            _session.MotionCommands,
            _session.StaleMotionCommands,
            _robot.Crashed,
            _reader.ChecksumErrors,
            _transmitter.BaudRate,
            _transmitter.SentBytes,
            _transmitter.DroppedBytes,
            _stalls,
            _longestStall);
        lock (_statusLock)
        {
            _status = status;
        }
    }
}

/// <summary>A snapshot of the emulated robot: ground truth, protocol state and counters.</summary>
/// <param name="Stalls">Gaps in which the serving loop did not run and the world was paused (<see cref="EmulatorSettings.PauseOverStalls"/>).</param>
/// <param name="LongestStall">The longest such gap, in seconds.</param>
public readonly record struct EmulatorStatus(
    double Time,
    Pose2D TruePose,
    Odometry Odometry,
    DriveCommand Setpoint,
    bool Open,
    bool MotorsEnabled,
    bool WatchdogTripped,
    int WatchdogTrips,
    int Sessions,
    long CommandsReceived,
    long MotionCommands,
    long StaleMotionCommands,
    bool Crashed,
    long ChecksumErrors,
    int BaudRate,
    long BytesSent,
    long BytesDropped,
    int Stalls,
    double LongestStall);
