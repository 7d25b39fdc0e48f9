using Hpnna.Arcos.Commands;
using Hpnna.Arcos.Framing;
using Hpnna.Arcos.Packets;
using Hpnna.Arcos.Units;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Simulation.Arcos;

/// <summary>
/// The robot side of the protocol, as real ARCOS firmware behaves, over a <see cref="SimulatedRobot"/>.
/// </summary>
/// <remarks>
/// Wait state: SYNC0 and SYNC1 are echoed, SYNC2 answered with name, class and subclass; anything out of
/// order restarts at SYNC0. Then OPEN starts a SIP every cycle, with motors disabled until ENABLE 1.
/// VEL, RVEL, VEL2, STOP, E_STOP, SETV, SETRV, SETA, SETRA, SETO, SONAR, CONFIG, ENCODER, BATTERYINFO and BATTEST
/// act as on the robot;
/// a silence longer than the watchdog stops the robot and the next valid packet resumes its setpoints; CLOSE
/// stops it, reverts the limits and returns to the wait state. Driven by explicit times (seconds), so it runs
/// the same in real time and in tests; packets go out through <see cref="Output"/>.
/// A robot with the Pioneer front ring also has the rear ring (discs 8-15, noise-free), fired one disc per sonar cycle as
/// the firmware fires a bank, each SIP carrying the rear discs fired since the last; the front ring, which the
/// controller drives by, is reported whole in every SIP.
/// </remarks>
public sealed class ArcosRobotSession
{
    private readonly SimulatedRobot _robot;
    private readonly EmulatorSettings _settings;
    private readonly ConversionFactors _units;
    private readonly byte[] _packet = new byte[PacketLayout.MaximumLength];
    /// <summary>Time between two discs of one bank fired (the CONFIG packet's SonarCycle).</summary>
    private const double SonarCycle = 0.040;
    private const byte LowBatteryTenths = 110;
    private const byte FullBatteryTenths = 130;

    private readonly SipSonar[] _sonars;
    private readonly SonarReading[] _readings;
    private readonly SonarModel? _rearRing;
    private readonly Random _rearRandom = new(0);
    private int _nextRearDisc;
    private double _nextRearFire;
    private State _state = State.WaitSync0;
    private double _linear;     // mm/s setpoint
    private double _angular;    // deg/s setpoint
    private double _maxLinear;  // mm/s (SETV)
    private double _maxAngular; // deg/s (SETRV)
    private bool _motorsEnabled;
    private bool _sonarOn = true;
    private bool _watchdogTripped;
    private bool _encoderStream;
    private bool _batteryInfoStream;
    private double _lastTraffic;
    private double _nextSip;
    private Pose2D _odometryOrigin;
    private byte _battery = 130;
    private double _leftEncoder;
    private double _rightEncoder;
    private Pose2D _lastEncoderPose;

    public ArcosRobotSession(SimulatedRobot robot, EmulatorSettings settings)
    {
        _robot = robot;
        _settings = settings.PositionBits is 15 or 16 ? settings : throw new ArgumentException($"PositionBits must be 15 or 16 (got {settings.PositionBits})", nameof(settings));
        _units = ConversionFactors.ForSubclass(settings.Subclass) ?? ConversionFactors.P3dxSh;
        _rearRing = robot.Layout == PioneerSonarRing.Front ? new SonarModel(PioneerSonarRing.Rear.Sensors, SonarNoise.None) : null;
        _sonars = new SipSonar[robot.Layout.Count + (_rearRing is null ? 0 : PioneerSonarRing.Rear.Count)];
        _readings = new SonarReading[robot.Layout.Count];
        SonarFaults = new double[robot.Layout.Count];
        Array.Fill(SonarFaults, double.NaN);
        _odometryOrigin = robot.Odometry.Pose;
        _lastEncoderPose = robot.Pose;
        RevertLimits();
    }

    private enum State
    {
        WaitSync0,
        WaitSync1,
        WaitSync2,
        Synced,
        Open,
    }

    /// <summary>Called when the client switches the line speed with HOSTBAUD (only if the settings allow it).</summary>
    public Action<int>? BaudRateChanged { get; set; }

    /// <summary>Where outgoing packets go (the transmitter's queue in the emulator).</summary>
    public Action<ReadOnlySpan<byte>>? Output { get; set; }

    public bool IsOpen => _state == State.Open;

    public bool MotorsEnabled => _motorsEnabled;

    public bool WatchdogTripped => _watchdogTripped;

    public int WatchdogTrips { get; private set; }

    public int Sessions { get; private set; }

    public long CommandsReceived { get; private set; }

    /// <summary>Motion commands (VEL, RVEL, VEL2, ROTATE) received.</summary>
    public long MotionCommands { get; private set; }

    /// <summary>
    /// Motion commands that reached a session its watchdog had stopped: a client that carried on after a
    /// silence instead of reconnecting, so its commands date from before the loss. A rig's pass criterion.
    /// </summary>
    public long StaleMotionCommands { get; private set; }

    /// <summary>Battery voltage reported in SIPs, tenths of a volt (BATTEST or a rig's fault injection).</summary>
    public byte Battery
    {
        get => _battery;
        set => _battery = value;
    }

    /// <summary>
    /// A rig's sonar faults, one slot per disc, in metres: NaN reports the simulated echo, a range reports
    /// that range whatever is there (a stuck transducer), 5 or more reports no echo (a silent one).
    /// </summary>
    public double[] SonarFaults { get; }

    /// <summary>A rig's fault: both wheels stalled (reported in SIPs, and the robot cannot move).</summary>
    public bool ForceStall { get; set; }

    /// <summary>What the motors are asked for now: the setpoints, or a stop while disabled, closed, stalled or the watchdog holds.</summary>
    public DriveCommand EffectiveSetpoint =>
        IsOpen && _motorsEnabled && !_watchdogTripped && !ForceStall
            ? new DriveCommand(_linear / 1000, _angular * Math.PI / 180)
            : DriveCommand.Stop;

    /// <summary>Handles one checksummed packet from the client.</summary>
    public void Receive(ReadOnlySpan<byte> packet, double now)
    {
        if (!ClientCommand.TryParse(packet, out var command, out _))
        {
            return;
        }

        CommandsReceived++;
        _lastTraffic = now;
        if (_watchdogTripped && _state == State.Open && command.Command is CommandNumber.Velocity or CommandNumber.RotationalVelocity or CommandNumber.Rotate or CommandNumber.WheelVelocities)
        {
            StaleMotionCommands++;
        }

        _watchdogTripped = false;
        switch (_state)
        {
            case State.WaitSync0 or State.WaitSync1 or State.WaitSync2 or State.Synced:
                Handshake(command, now);
                break;
            case State.Open:
                Execute(command, now);
                break;
        }
    }

    /// <summary>Time passes: the watchdog, the SIP stream and the encoder stream.</summary>
    public void Update(double now)
    {
        if (_state != State.Open)
        {
            return;
        }

        UpdateEncoders();
        if (!_watchdogTripped && now - _lastTraffic > _settings.WatchdogPeriod.TotalSeconds)
        {
            _watchdogTripped = true;
            WatchdogTrips++;
        }

        if (now >= _nextSip)
        {
            _nextSip = Math.Max(_nextSip + _settings.SipPeriod.TotalSeconds, now);
            SendSip(now);
            if (_encoderStream)
            {
                SendEncoders();
            }

            if (_batteryInfoStream)
            {
                SendBatteryInfo();
            }
        }
    }

    private void Handshake(ClientCommand command, double now)
    {
        var n = command.Number;
        if (_state == State.Synced && command.Command == CommandNumber.Open)
        {
            _state = State.Open;
            Sessions++;
            _motorsEnabled = false;
            _nextSip = now;
            _nextRearFire = now;
            return;
        }

        var expected = _state switch
        {
            State.WaitSync1 => SyncNumber.Sync1,
            State.WaitSync2 => SyncNumber.Sync2,
            _ => SyncNumber.Sync0,
        };
        if (n != expected)
        {
            // Real ARCOS restarts at SYNC0; a SYNC0 arriving out of order starts the new attempt at once.
            _state = State.WaitSync0;
            if (n != SyncNumber.Sync0)
            {
                return;
            }
        }

        switch (n)
        {
            case SyncNumber.Sync0:
                Send(CommandPackets.Write(_packet, SyncNumber.Sync0));
                _state = State.WaitSync1;
                break;
            case SyncNumber.Sync1:
                Send(CommandPackets.Write(_packet, SyncNumber.Sync1));
                _state = State.WaitSync2;
                break;
            default:
                Send(new SyncReply(_settings.Name, EmulatorSettings.RobotClass, _settings.Subclass).Write(_packet));
                _state = State.Synced;
                break;
        }
    }

    private void Execute(ClientCommand command, double now)
    {
        var value = command.Value;
        switch (command.Command)
        {
            case CommandNumber.Close:
                _linear = _angular = 0;
                _motorsEnabled = false;
                _encoderStream = false;
                _batteryInfoStream = false;
                RevertLimits();
                _state = State.WaitSync0;
                break;
            case CommandNumber.Enable:
                _motorsEnabled = value != 0;
                break;
            case CommandNumber.SetMaxVelocity:
                _maxLinear = Math.Min(Math.Abs(value), _robot.Model.MaxLinear * 1000);
                break;
            case CommandNumber.SetMaxRotationalVelocity:
                _maxAngular = Math.Min(Math.Abs(value), _robot.Model.MaxAngular * 180 / Math.PI);
                break;
            case CommandNumber.SetAcceleration when value != 0:
                var linear = Math.Min(Math.Abs(value) / 1000.0, _robot.Model.LinearAcceleration);
                _robot.Acceleration = value > 0 ? _robot.Acceleration with { Linear = linear } : _robot.Acceleration with { LinearDeceleration = linear };
                break;
            case CommandNumber.SetRotationalAcceleration when value != 0:
                var angular = Math.Min(Math.Abs(value) * Math.PI / 180, _robot.Model.AngularAcceleration);
                _robot.Acceleration = value > 0 ? _robot.Acceleration with { Angular = angular } : _robot.Acceleration with { AngularDeceleration = angular };
                break;
            case CommandNumber.BatteryInfo:
                _batteryInfoStream = value == 2;
                if (value != 0)
                {
                    SendBatteryInfo();
                }

                break;
            case CommandNumber.ResetOdometry:
                _odometryOrigin = _robot.Odometry.Pose;
                break;
            case CommandNumber.Velocity:
                MotionCommands++;
                _linear = Math.Clamp(value, -_maxLinear, _maxLinear);
                break;
            case CommandNumber.RotationalVelocity or CommandNumber.Rotate:
                MotionCommands++;
                _angular = Math.Clamp(value, -_maxAngular, _maxAngular);
                break;
            case CommandNumber.WheelVelocities:
                MotionCommands++;
                var (left, right) = command.TwoBytes;
                var l = left * _units.Vel2Divisor;
                var r = right * _units.Vel2Divisor;
                _linear = Math.Clamp((l + r) / 2, -_maxLinear, _maxLinear);
                _angular = Math.Clamp(_units.RotationFromWheels(l, r) * 180 / Math.PI, -_maxAngular, _maxAngular);
                break;
            case CommandNumber.Stop or CommandNumber.EmergencyStop:
                _linear = _angular = 0;
                break;
            case CommandNumber.Sonar:
                _sonarOn = value != 0;
                break;
            case CommandNumber.Config:
                Send(Configuration().Write(_packet));
                break;
            case CommandNumber.Encoder:
                _encoderStream = value == 2;
                if (value != 0)
                {
                    SendEncoders();
                }

                break;
            case CommandNumber.HostBaud when _settings.AllowBaudSwitch && value >= 0 && value < HostBaud.Rates.Length:
                BaudRateChanged?.Invoke(HostBaud.Rates[value]);
                break;
            case CommandNumber.BatteryTest:
                _battery = value == 0 ? (byte)130 : (byte)Math.Clamp(value, 0, 255);
                break;
            default:
                // PULSE, OPEN and everything a differential-drive emulator has no use for: the watchdog was fed.
                break;
        }
    }

    private void RevertLimits()
    {
        _maxLinear = _robot.Model.MaxLinear * 1000;
        _maxAngular = _robot.Model.MaxAngular * 180 / Math.PI;
        _robot.Acceleration = AccelerationLimits.Of(_robot.Model);
    }

    /// <summary>
    /// The battery's state of charge, in percent, as this emulator reckons it from the voltage: linear from the
    /// low-battery alarm (CONFIG's LowBattery, 11.0 V) to a full 12 V lead-acid pack at rest (13.0 V).
    /// </summary>
    private byte StateOfCharge() => (byte)Math.Round(Math.Clamp((_battery - LowBatteryTenths) / (double)(FullBatteryTenths - LowBatteryTenths), 0, 1) * 100);

    private void SendBatteryInfo()
    {
        var charge = StateOfCharge();
        Send(new BatteryInfoPacket(charge, charge).Write(_packet));
    }

    private void SendSip(double now)
    {
        var odometry = _robot.Odometry;
        var pose = Relative(odometry.Pose);
        var halfDifference = odometry.Angular / _units.Differential;
        var linear = odometry.Linear * 1000;
        var count = 0;
        if (_sonarOn)
        {
            _robot.SonarReadings.CopyTo(_readings);
            for (var i = 0; i < _readings.Length; i++)
            {
                var fault = SonarFaults[i];
                _sonars[count++] = new SipSonar((byte)i, SipRange(!double.IsNaN(fault) ? fault : Metres(_readings[i])));
            }

            count = FireRearRing(now, count);
        }

        var moving = Math.Abs(odometry.Linear) > 1e-3 || Math.Abs(odometry.Angular) > 1e-3;
        var stall = odometry.Stalled || ForceStall ? (ushort)0x0101 : (ushort)0;
        var sip = new StandardSip
        {
            Moving = moving,
            X = Position(pose.X * 1000 / _units.Distance),
            Y = Position(pose.Y * 1000 / _units.Distance),
            Theta = (short)Math.Round(Pose2D.WrapAngle(pose.Heading) / _units.Angle),
            LeftVelocity = Saturate((linear - halfDifference) / _units.Velocity),
            RightVelocity = Saturate((linear + halfDifference) / _units.Velocity),
            Battery = _battery,
            StallAndBumpers = stall,
            Flags = (ushort)((_motorsEnabled ? 0x01 : 0) | (_sonarOn ? 0x1E : 0)),
            BatteryTenths = _battery,
            ChargeState = 0,
            RotationalVelocity = Saturate(odometry.Angular * 180 / Math.PI * 10),
            FaultFlags = 0,
            LateralVelocity = 0,
            Temperature = -127,
            StateOfCharge = 0,
        };
        Send(sip.Write(_packet, _sonars.AsSpan(0, count)));
    }

    /// <summary>A reading's range, or 5 m (the Pioneer's "nothing seen") for no echo.</summary>
    private static double Metres(SonarReading reading) => reading.Echo ? reading.Range : 5;

    /// <summary>A range as a SIP carries it: capped at 5000 mm, in the firmware's range unit.</summary>
    private ushort SipRange(double metres) => (ushort)Math.Round(Math.Min(metres * 1000, 5000) / _units.Range);

    /// <summary>Appends the rear discs fired since the last SIP, one every sonar cycle, in order; returns the new count.</summary>
    private int FireRearRing(double now, int count)
    {
        if (_rearRing is null)
        {
            return count;
        }

        var first = _readings.Length;
        for (var fired = 0; _nextRearFire <= now && fired < PioneerSonarRing.Rear.Count; fired++)
        {
            var reading = _rearRing.Scan(_nextRearDisc, _robot.World.Walls, _robot.Pose, _rearRandom);
            _sonars[count++] = new SipSonar((byte)(first + _nextRearDisc), SipRange(Metres(reading)));
            _nextRearDisc = (_nextRearDisc + 1) % PioneerSonarRing.Rear.Count;
            _nextRearFire += SonarCycle;
        }

        // After a pause (the sonars off, a stalled host), the bank fires on from now rather than catching up.
        _nextRearFire = Math.Max(_nextRearFire, now);
        return count;
    }

    private void UpdateEncoders()
    {
        // Wheel travel from the true pose change: each wheel moves the centre's arc plus or minus half the turn.
        var pose = _robot.Pose;
        var distance = pose.DistanceTo(_lastEncoderPose) * Math.Sign(_robot.Odometry.Linear + 1e-12);
        var turn = Pose2D.WrapAngle(pose.Heading - _lastEncoderPose.Heading);
        var half = turn / _units.Differential;
        _leftEncoder += distance * 1000 - half;
        _rightEncoder += distance * 1000 + half;
        _lastEncoderPose = pose;
    }

    private void SendEncoders() =>
        Send(new EncoderPacket((int)Math.Round(_leftEncoder), (int)Math.Round(_rightEncoder)).Write(_packet));

    private ConfigPacket Configuration() => new()
    {
        Type = EmulatorSettings.RobotClass,
        Subtype = _settings.Subclass,
        Serial = "EMU-0001",
        RotVelTop = (ushort)(_robot.Model.MaxAngular * 180 / Math.PI),
        TransVelTop = (ushort)(_robot.Model.MaxLinear * 1000),
        RotAccTop = (ushort)(_robot.Model.AngularAcceleration * 180 / Math.PI),
        TransAccTop = (ushort)(_robot.Model.LinearAcceleration * 1000),
        PwmMax = 1000,
        Name = _settings.Name,
        SipCycle = (byte)_settings.SipPeriod.TotalMilliseconds,
        HostBaud = 0,
        FrontSonar = 1,
        LowBattery = LowBatteryTenths,
        RevCount = 16570,
        Watchdog = (ushort)_settings.WatchdogPeriod.TotalMilliseconds,
        RotVelMax = (ushort)_maxAngular,
        TransVelMax = (ushort)_maxLinear,
        RotAccel = (ushort)Math.Round(_robot.Acceleration.Angular * 180 / Math.PI),
        RotDecel = (ushort)Math.Round(_robot.Acceleration.AngularDeceleration * 180 / Math.PI),
        TransAccel = (ushort)Math.Round(_robot.Acceleration.Linear * 1000),
        TransDecel = (ushort)Math.Round(_robot.Acceleration.LinearDeceleration * 1000),
        FrontBumps = 5,
        SonarCycle = (byte)(SonarCycle * 1000),
        ResetBaud = (byte)(_settings.AllowBaudSwitch ? 2 : 0),
        TicksPerMm = 128,
        FirmwareVersion = "HPNNA-EMU 1",
    };

    private Pose2D Relative(Pose2D pose)
    {
        var dx = pose.X - _odometryOrigin.X;
        var dy = pose.Y - _odometryOrigin.Y;
        var c = Math.Cos(-_odometryOrigin.Heading);
        var s = Math.Sin(-_odometryOrigin.Heading);
        return new Pose2D(c * dx - s * dy, s * dx + c * dy, pose.Heading - _odometryOrigin.Heading);
    }

    /// <summary>A position as the SIP carries it: wrapped at 16 bits, or at 15 as ARCOS firmware wraps it (0 to 0x7fff).</summary>
    private short Position(double units)
    {
        var wrapped = unchecked((short)(long)Math.Round(units));
        return _settings.PositionBits == 15 ? (short)(wrapped & 0x7fff) : wrapped;
    }

    private static short Saturate(double value) => (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);

    private void Send(int length) => Output?.Invoke(_packet.AsSpan(0, length));
}
