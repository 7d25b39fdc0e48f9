using Hpnna.Host.Configuration;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Loop;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Host.Backends;

/// <summary>
/// The built-in simulator: a Pioneer 3-DX with its front sonar ring or HC-SR04 modules in a depth-3 T-maze, in virtual time (or
/// paced by the wall clock). After each tick the world steps one control period and the run is judged (goal
/// region, crash, time limit), as in every simulated episode; with <c>Simulator:Png</c> the path is recorded.
/// </summary>
public sealed class SimulatorBackend : IRobotBackend
{
    /// <summary>Physics sub-steps per control period, as in episodes.</summary>
    private const int Substeps = 5;

    public SimulatorBackend(ControllerSettings settings)
    {
        var simulator = settings.Simulator;
        var period = settings.PeriodMilliseconds / 1000;
        var maze = TMazeGenerator.Depth3(simulator.Lambda);
        var sonars = settings.SimulatedSonars();
        var robot = sonars.Robot(maze.World, new SonarNoise(simulator.SonarNoise), 0, simulator.Seed);
        Hardware = robot;
        Judge = new RunJudge(maze.World, robot, settings.Goal.ToUpperInvariant(), period, simulator.TimeLimitSeconds);
        Observers = [new WorldStep(robot, period, Substeps), Judge];
#if HPNNA_PLOTS
        if (!string.IsNullOrEmpty(simulator.Png))
        {
            Path = new PathPicture(maze.World, robot, Judge, simulator.Png, (int)Math.Ceiling(simulator.TimeLimitSeconds / period) + 2);
            Observers = [new WorldStep(robot, period, Substeps), Path, Judge];
        }
#endif
        Clock = simulator.Speed > 0 ? new PacedTickSource(period, simulator.Speed) : new VirtualTickSource(period);
        var time = simulator.Speed > 0 ? $"paced at {simulator.Speed:0.##} x real time" : "virtual time";
        Description = $"simulator: Pioneer 3-DX with {(sonars.Pings is null ? "its front sonar ring" : $"HC-SR04 modules {sonars.Layout}")} in a depth-3 T-maze, lambda {simulator.Lambda:0.##} (corridors {maze.Spec.Delta:0.00} m), seed {simulator.Seed}, {time}";
    }

    public string Description { get; }

    public IRobotHardware Hardware { get; }

    public ITickSource Clock { get; }

    public IReadOnlyList<ITickObserver> Observers { get; }

    public RunJudge Judge { get; }

#if HPNNA_PLOTS
    /// <summary>The path being recorded for the picture, when one was asked for.</summary>
    public PathPicture? Path { get; }
#endif

    public void Dispose()
    {
    }
}
