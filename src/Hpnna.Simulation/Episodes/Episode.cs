using Hpnna.Robot.Contracts;
using Hpnna.Robot.Control;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Worlds;

namespace Hpnna.Simulation.Episodes;

/// <summary>
/// One run of a controller on a simulated robot: every control period it reads the sonars and odometry,
/// asks the controller for a setpoint, writes it to the robot and advances the simulation, then checks for a
/// crash, a goal and the time limit. <see cref="Tick"/> allocates nothing unless a trace is recorded.
/// </summary>
public sealed class Episode
{
    private readonly World _world;
    private readonly SimulatedRobot _robot;
    private readonly IController _controller;
    private readonly EpisodeSettings _settings;
    private readonly string? _commandedGoal;
    private readonly EpisodeTrace? _trace;
    private readonly SonarReading[] _readings;

    public Episode(World world, SimulatedRobot robot, IController controller, EpisodeSettings settings, string? commandedGoal, EpisodeTrace? trace = null)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid episode settings: " + string.Join("; ", problems), nameof(settings));
        }

        _world = world;
        _robot = robot;
        _controller = controller;
        _settings = settings;
        _commandedGoal = commandedGoal;
        _trace = trace;
        _readings = new SonarReading[robot.Sensors.Count];
        controller.Reset();
    }

    public double Time { get; private set; }

    public int Ticks { get; private set; }

    /// <summary>Set once the episode has ended.</summary>
    public EpisodeResult? Result { get; private set; }

    /// <summary>Runs ticks until the episode ends.</summary>
    public EpisodeResult Run()
    {
        while (!Tick())
        {
        }

        return Result!;
    }

    /// <summary>One control period: read, update, write, advance, check. Returns true once the episode has ended.</summary>
    public bool Tick()
    {
        if (Result is not null)
        {
            return true;
        }

        _robot.Read(_readings);
        var odometry = _robot.ReadOdometry();
        var command = _controller.Update(_readings, odometry);
        _robot.Write(command);
        _trace?.Rows.Add(new TraceRow(Time, _robot.Pose, odometry.Pose, command, (SonarReading[])_readings.Clone(), _controller.Activity));
        _robot.Advance(_settings.ControlPeriod, _settings.PhysicsSubsteps);
        Time += _settings.ControlPeriod;
        Ticks++;

        if (EpisodeJudge.Judge(_world, _robot, _commandedGoal, Time, _settings.TimeLimit, out var goal) is { } outcome)
        {
            Finish(outcome, goal);
        }

        return Result is not null;
    }

    private void Finish(EpisodeOutcome outcome, string? goal)
    {
        _robot.Stop();
        Result = new EpisodeResult(outcome, goal, Time, _robot.Distance, Ticks, _robot.Clearance);
    }
}
