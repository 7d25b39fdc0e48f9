using System.Device.Gpio;
using Hpnna.Devices.Sonar;
using Hpnna.Host.Configuration;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Loop;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Gpio;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Host.Backends;

/// <summary>
/// The built-in simulator: a Pioneer 3-DX in a depth-3 T-maze, with its front sonar ring in virtual time (or
/// paced by the wall clock), or with HC-SR04 modules read by the project's own driver (<see cref="Hcsr04Array"/>,
/// the code that runs on the Pi) over a simulated GPIO whose echoes come from the world, paced at real time.
/// After each tick the world steps one control period and the run is judged (goal region, crash, time limit),
/// as in every simulated episode; with <c>Simulator:Png</c> the path is recorded.
/// </summary>
public sealed class SimulatorBackend : IRobotBackend
{
    /// <summary>Physics sub-steps per control period, as in episodes.</summary>
    private const int Substeps = 5;

    private readonly IDisposable[] _owned = [];
    private int _disposed;

    public SimulatorBackend(ControllerSettings settings)
    {
        var simulator = settings.Simulator;
        var period = settings.PeriodMilliseconds / 1000;
        var maze = TMazeGenerator.Depth3(simulator.Lambda);
        var noise = new SonarNoise(simulator.SonarNoise);
        var step = default(ITickObserver);
        SimulatedRobot robot;
        string sensors;
        var speed = simulator.Speed;
        if (settings.SimulatedSonars().Pings is null)
        {
            robot = SonarSetup.Ring.Robot(maze.World, noise, 0, simulator.Seed);
            sensors = "its front sonar ring";
        }
        else
        {
            // The driver pings on the wall clock, so the world runs at real time.
            var modules = settings.Hcsr04Modules();
            var layout = Hcsr04Module.Layout(modules);
            var gpio = new SimulatedSonarGpio(modules);
            var array = new Hcsr04Array(new Hcsr04Settings(modules, SonarLayouts.Hcsr04Pings(modules.Length)), new GpioController(gpio), gpio.KernelEdges);
            robot = new SimulatedRobot(maze.World, PioneerModel.P3Dx, layout, noise, 0, simulator.Seed, external: array);
            step = new WorldEchoes(robot, gpio);
            array.Start();
            _owned = [array, gpio];
            speed = 1;
            sensors = $"HC-SR04 modules {layout} read by their driver over a simulated GPIO";
        }

        Hardware = robot;
        Judge = new RunJudge(maze.World, robot, settings.Goal.ToUpperInvariant(), period, simulator.TimeLimitSeconds);
        var world = new WorldStep(robot, period, Substeps);
        Observers = step is null ? [world, Judge] : [world, step, Judge];
#if HPNNA_PLOTS
        if (!string.IsNullOrEmpty(simulator.Png))
        {
            Path = new PathPicture(maze.World, robot, Judge, simulator.Png, (int)Math.Ceiling(simulator.TimeLimitSeconds / period) + 2);
            Observers = [.. Observers.Take(Observers.Count - 1), Path, Judge];
        }
#endif
        Clock = speed > 0 ? new PacedTickSource(period, speed) : new VirtualTickSource(period);
        var time = speed > 0 ? $"paced at {speed:0.##} x real time" : "virtual time";
        Description = $"simulator: Pioneer 3-DX with {sensors} in a depth-3 T-maze, lambda {simulator.Lambda:0.##} (corridors {maze.Spec.Delta:0.00} m), seed {simulator.Seed}, {time}";
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

    /// <summary>Stops the sonar driver and the simulated GPIO, if they run; once, from whichever thread comes first.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
