using Hpnna.Robot.Control;
using Hpnna.Robot.Loop;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Worlds;

namespace Hpnna.Simulation.Episodes;

/// <summary>
/// One run of a controller on a simulated robot in virtual time: every control period the robot's own
/// <see cref="ControlTick"/> (read, update, write, with its safety holds), then its observers: the trace, the
/// world's physics (<see cref="WorldStep"/>) and the judge (<see cref="RunJudge"/>: crash, goal, time limit).
/// <see cref="Tick"/> allocates nothing unless a trace is recorded.
/// </summary>
public sealed class Episode
{
    private readonly ControlTick _control;
    private readonly EpisodeSettings _settings;
    private readonly ITickObserver[] _observers;
    private readonly RunJudge _judge;

    public Episode(World world, SimulatedRobot robot, IController controller, EpisodeSettings settings, string? commandedGoal, EpisodeTrace? trace = null)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid episode settings: " + string.Join("; ", problems), nameof(settings));
        }

        _settings = settings;
        _control = new ControlTick(robot, controller, settings.ControlPeriod);
        _judge = new RunJudge(world, robot, commandedGoal, settings.ControlPeriod, settings.TimeLimit);
        var step = new WorldStep(robot, settings.ControlPeriod, settings.PhysicsSubsteps);
        _observers = trace is null ? [step, _judge] : [trace.Recorder(_control, robot), step, _judge];
        controller.Reset();
    }

    public double Time { get; private set; }

    /// <summary>The judge of the run (crash, goal, time limit); told of goals swapped mid-run.</summary>
    public RunJudge Judge => _judge;

    public int Ticks { get; private set; }

    /// <summary>Set once the episode has ended.</summary>
    public EpisodeResult? Result => _judge.Result;

    /// <summary>Runs ticks until the episode ends.</summary>
    public EpisodeResult Run()
    {
        while (!Tick())
        {
        }

        return Result!;
    }

    /// <summary>One control period: the control tick, then physics and the judge. Returns true once the episode has ended.</summary>
    public bool Tick()
    {
        if (Result is not null)
        {
            return true;
        }

        var tick = new Tick(Ticks, Time, 0, 0);
        _control.Step(tick.Index, tick.Time);
        var over = false;
        foreach (var observer in _observers)
        {
            over |= observer.AfterTick(tick);
        }

        Time += _settings.ControlPeriod;
        Ticks++;
        return over;
    }
}
