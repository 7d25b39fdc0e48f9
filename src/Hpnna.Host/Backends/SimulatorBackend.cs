using Hpnna.Host.Configuration;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Loop;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Rendering;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;
using Microsoft.Extensions.Logging;

namespace Hpnna.Host.Backends;

/// <summary>
/// The built-in simulator: a Pioneer 3-DX with its front sonar ring in a depth-3 T-maze, advanced one control
/// period per tick in virtual time. The run ends at a goal region, a crash or the time limit; the path is
/// kept (preallocated) for the optional PNG.
/// </summary>
public sealed class SimulatorBackend : IRobotBackend
{
    private readonly TMaze _maze;
    private readonly SimulatedRobot _robot;
    private volatile string _goal;
    private readonly SimulatorSettings _settings;
    private readonly ILogger _logger;
    private readonly Pose2D[] _path;
    private int _pathLength;

    public SimulatorBackend(ControllerSettings settings, ILogger logger)
    {
        _settings = settings.Simulator;
        _logger = logger;
        _goal = settings.Goal.ToUpperInvariant();
        _maze = TMazeGenerator.Depth3(_settings.Lambda);
        _robot = new SimulatedRobot(_maze.World, PioneerModel.P3Dx, SonarLayouts.PioneerFrontRing, new SonarNoise(_settings.SonarNoise), 0, _settings.Seed);
        var period = settings.PeriodMilliseconds / 1000;
        _path = new Pose2D[(int)Math.Ceiling(_settings.TimeLimitSeconds / period) + 2];
        _path[_pathLength++] = _robot.Pose;
        Clock = _settings.Speed > 0
            ? new PacedTickSource(period, _settings.Speed, dt => _robot.Advance(dt, 5))
            : new VirtualTickSource(period, dt => _robot.Advance(dt, 5));
        var time = _settings.Speed > 0 ? $"paced at {_settings.Speed:0.##} x real time" : "virtual time";
        Description = $"simulator: Pioneer 3-DX in a depth-3 T-maze, lambda {_settings.Lambda:0.##} (corridors {_maze.Spec.Delta:0.00} m), seed {_settings.Seed}, {time}";
    }

    public string Description { get; }

    public ISonarArray Sonars => _robot;

    public IDriveBase Drive => _robot;

    public ITickSource Clock { get; }

    public bool Finished { get; private set; }

    public string Outcome { get; private set; } = "running";

    public bool Succeeded { get; private set; }

    public void GoalChanged(string goal) => _goal = goal;

    public void AfterTick(in Tick tick)
    {
        var pose = _robot.Pose;
        if (_pathLength < _path.Length)
        {
            _path[_pathLength++] = pose;
        }

        if (Finished)
        {
            return;
        }

        var goal = _goal;
        if (EpisodeJudge.Judge(_maze.World, _robot, goal, tick.Time, _settings.TimeLimitSeconds, out var reached) is { } outcome)
        {
            var what = outcome switch
            {
                EpisodeOutcome.Crash => "crashed",
                EpisodeOutcome.GoalReached => $"reached {reached}",
                EpisodeOutcome.WrongGoal => $"reached the wrong goal {reached} (commanded {goal})",
                _ => "timed out",
            };
            Finished = true;
            Succeeded = outcome == EpisodeOutcome.GoalReached;
            Outcome = $"{what} after {tick.Time:0.0} s ({tick.Index} ticks), {_robot.Distance:0.0} m driven";
        }
    }

    public void Finish()
    {
        if (string.IsNullOrEmpty(_settings.Png))
        {
            return;
        }

        MazePicture.SavePng(_maze.World, [new Trajectory($"HPNNA, goal {_goal}", _path[.._pathLength])], $"{_goal}: {Outcome}", _settings.Png);
        _logger.LogInformation("Path drawn to {Png}", Path.GetFullPath(_settings.Png));
    }

    public void Dispose()
    {
    }
}
