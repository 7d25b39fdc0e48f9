using BenchmarkDotNet.Attributes;
using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;
using Hpnna.Simulation.Worlds;

namespace Hpnna.Benchmarks;

/// <summary>
/// One simulated control tick in the depth-3 maze (lambda 3): 5 physics sub-steps with collision checks
/// against every wall, odometry, and a scan of the 8-sonar Pioneer ring, with noise and dropouts on.
/// The robot drives a slow circle in the stem junction so it never crashes and the scene keeps changing.
/// </summary>
[MemoryDiagnoser]
public class SimulationTickBenchmarks
{
    private readonly SonarReading[] _readings = new SonarReading[8];
    private readonly Random _random = new(1);
    private SimulatedRobot _robot = null!;
    private SonarModel _sonars = null!;
    private World _world = null!;
    private int _tick;

    [GlobalSetup]
    public void Setup()
    {
        var maze = TMazeGenerator.Depth3(3);
        _robot = new SimulatedRobot(maze.World, PioneerModel.P3Dx, SonarLayouts.PioneerFrontRing, new SonarNoise(0.01, 0.02), 0.01, seed: 1);
        _robot.Write(new DriveCommand(0.05, 0.3));
        _world = maze.World;
        _sonars = new SonarModel(SonarLayouts.PioneerFrontRing.Sensors, SonarNoise.None);
    }

    /// <summary>The 8-sonar scan alone, noise-free, from poses turning on the spot at the first junction.</summary>
    [Benchmark]
    public double SonarScan()
    {
        _sonars.Scan(_world.Walls, new Pose2D(0, -0.2, (_tick++ & 63) * 0.1), _random, _readings);
        return _readings[3].Range;
    }

    [Benchmark]
    public double Tick()
    {
        _robot.Advance(0.05, 5);
        return _robot.Pose.X;
    }
}
