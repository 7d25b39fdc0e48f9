using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;
using Hpnna.Simulation.Geometry;
using Hpnna.Simulation.Sonars;
using Hpnna.Simulation.Worlds;

namespace Hpnna.Simulation.Robots;

/// <summary>
/// A Pioneer in a world, behind the same hardware contract as the real base and sonars. <see cref="Advance"/>
/// moves simulated time: kinematics, collision (a crash halts the robot for good), odometry, then a sonar scan;
/// the loop calls it as an observer of each tick (<see cref="Episodes.WorldStep"/>).
/// Allocation-free once built; all randomness comes from one seeded generator.
/// </summary>
public sealed class SimulatedRobot : IRobotHardware
{
    private readonly World _world;
    private DifferentialDrive _drive;
    private readonly SonarModel _sonars;
    private readonly PingedSonars? _pinged;
    private readonly ISonarArray? _external;
    private readonly double _odometryNoise;
    private readonly Random _random;
    private readonly SonarReading[] _readings;
    private readonly int[] _nearbyWalls;
    private DriveCommand _setpoint;
    private Pose2D _odometryPose;
    private long _scans;
    private double _time;

    /// <param name="world">Walls to drive among; the robot starts at <see cref="World.Start"/>.</param>
    /// <param name="model">Size and motion limits.</param>
    /// <param name="layout">The sonar layout.</param>
    /// <param name="sonarNoise">Range noise and dropouts.</param>
    /// <param name="odometryNoise">Relative standard deviation applied to the speeds odometry integrates (0 = exact).</param>
    /// <param name="seed">Seeds every random draw of this robot.</param>
    /// <param name="start">Where the robot starts instead of <see cref="World.Start"/> (training starts it in several places).</param>
    /// <param name="pings">
    /// Null: every sensor is scanned at the end of each <see cref="Advance"/> (a Pioneer's ring as its SIPs report
    /// it). Otherwise the sensors are fired on this schedule (<see cref="PingedSonars"/>: HC-SR04 modules as their
    /// driver fires them), each reading refreshed only when its slot comes round.
    /// </param>
    /// <param name="external">
    /// Sonars whose readings the frames carry instead of the model's (the real HC-SR04 driver on a simulated
    /// GPIO fed from <see cref="SonarReadings"/>); their layout must be <paramref name="layout"/>.
    /// </param>
    public SimulatedRobot(World world, PioneerModel model, SensorLayout layout, SonarNoise sonarNoise, double odometryNoise, int seed, Pose2D? start = null, PingSchedule? pings = null, ISonarArray? external = null)
    {
        if (external is not null && external.Layout.Count != layout.Count)
        {
            throw new ArgumentException($"the external sonars have {external.Layout.Count} sensors, the layout {layout.Count}", nameof(external));
        }

        _external = external;
        _world = world;
        Model = model;
        _drive = new DifferentialDrive(model, start ?? world.Start);
        Layout = layout;
        _sonars = new SonarModel(layout.Sensors, sonarNoise);
        _odometryNoise = odometryNoise;
        _random = new Random(seed);
        _readings = new SonarReading[layout.Count];
        _nearbyWalls = new int[world.Walls.Length];
        _odometryPose = start ?? world.Start;
        if (pings is null)
        {
            _sonars.Scan(_world.Walls, Pose, _random, _readings);
        }
        else
        {
            _pinged = new PingedSonars(_sonars, pings);
            _pinged.Update(_time, _world.Walls, Pose, _random);
        }

        Clearance = Gap();
    }

    public PioneerModel Model { get; }

    /// <summary>Where the robot really is (the simulator's ground truth).</summary>
    public Pose2D Pose => _drive.Pose;

    public bool Crashed { get; private set; }

    /// <summary>
    /// The least gap between the body and a wall since the robot was put down, metres, taken at the end of
    /// every <see cref="Advance"/> (0 once crashed): how near a run came to a crash, which training can grade.
    /// </summary>
    public double Clearance { get; private set; }

    /// <summary>Path length driven, metres.</summary>
    public double Distance { get; private set; }

    public SensorLayout Layout { get; }

    /// <summary>The walls it drives among.</summary>
    public World World => _world;

    /// <summary>The drive's acceleration limits (the model's unless set; kept when the robot is placed elsewhere).</summary>
    public AccelerationLimits Acceleration
    {
        get => _drive.Limits;
        set => _drive.Limits = value;
    }

    /// <summary>The last scan, taken at the end of the last <see cref="Advance"/> (the emulator's view; the tick reads a frame).</summary>
    public ReadOnlySpan<SonarReading> SonarReadings => _pinged is null ? _readings : _pinged.Latest;

    public DriveCommand Setpoint => _setpoint;

    public void Write(in DriveCommand command) => _setpoint = command;

    public void Stop() => _setpoint = DriveCommand.Stop;

    public Odometry Odometry => new(_odometryPose, _drive.Linear, _drive.Angular, Crashed);

    /// <summary>The last scan (taken as physics last advanced, so 0 s old) or the pinged sensors' last readings with their ages, odometry, and a body that is always ready.</summary>
    public void Read(SensorFrame frame)
    {
        if (_external is not null)
        {
            _external.Read(frame.Ranges);
        }
        else if (_pinged is null)
        {
            _readings.CopyTo(frame.Ranges);
        }
        else
        {
            _pinged.Read(_time, frame.Ranges);
        }

        frame.Odometry = Odometry;
        frame.BaseReady = true;
        frame.BaseSample = _scans;
    }

    /// <summary>
    /// Puts the robot down at rest at <paramref name="pose"/>, as a person carrying it back to the start would:
    /// a crash is cleared, the setpoint is a stop, and odometry carries on from where it was (the wheels did not turn).
    /// </summary>
    public void PlaceAt(Pose2D pose)
    {
        _drive = new DifferentialDrive(Model, pose) { Limits = _drive.Limits };
        _setpoint = DriveCommand.Stop;
        Crashed = false;
        _sonars.Scan(_world.Walls, Pose, _random, _readings);
        Clearance = Gap();
    }

    /// <summary>Moves simulated time forward by <paramref name="dt"/> seconds in <paramref name="substeps"/> physics steps, then scans.</summary>
    public void Advance(double dt, int substeps)
    {
        var h = dt / substeps;
        var end = _time + dt;

        // Only walls within the farthest this tick can carry the robot need collision checks.
        var start = _drive.Pose;
        var reach = Model.Radius + Model.MaxLinear * dt + 0.5 * Model.LinearAcceleration * dt * dt + 1e-6;
        var nearby = _nearbyWalls.AsSpan(0, _world.WallsNear(new Vec2(start.X, start.Y), reach, _nearbyWalls));
        for (var s = 0; s < substeps && !Crashed; s++)
        {
            var before = _drive.Pose;
            _drive.Step(_setpoint, h);
            var after = _drive.Pose;
            Distance += before.DistanceTo(after);
            UpdateOdometry(h);
            if (_world.Collides(new Vec2(after.X, after.Y), Model.Radius, nearby))
            {
                Crashed = true;
                _drive.Halt();
            }

            _time += h;
            _pinged?.Update(_time, _world.Walls, Pose, _random);
        }

        if (Crashed)
        {
            // A crash cut the sub-steps short; the clock (and the pings) go on.
            _time = end;
            _pinged?.Update(_time, _world.Walls, Pose, _random);
        }

        if (_pinged is null)
        {
            _sonars.Scan(_world.Walls, Pose, _random, _readings);
        }

        _scans++;
        Clearance = Math.Min(Clearance, Crashed ? 0 : Gap());
    }

    private double Gap()
    {
        var pose = _drive.Pose;
        return Math.Max(0, _world.NearestWall(new Vec2(pose.X, pose.Y)).Distance - Model.Radius);
    }

    private void UpdateOdometry(double h)
    {
        var linear = _drive.Linear;
        var angular = _drive.Angular;
        if (_odometryNoise > 0)
        {
            linear *= 1 + _odometryNoise * Gaussian.Next(_random);
            angular *= 1 + _odometryNoise * Gaussian.Next(_random);
        }

        _odometryPose = DifferentialDrive.Integrate(_odometryPose, linear, angular, h);
    }
}
