using BenchmarkDotNet.Attributes;
using Hpnna.Core.Interpreters;
using Hpnna.Robot.Control;
using Hpnna.Robot.Loop;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Benchmarks;

/// <summary>
/// One control tick as the robot runs it, without the world's physics: latch the frame from the simulated
/// robot (8 ranges, odometry, readiness), the safety holds, the controller (five voting modules each of L1 and
/// L2, L2 every 8th tick, the junction trigger) and the write. Random codes keep the network's state moving.
/// </summary>
[MemoryDiagnoser]
public class ControlTickBenchmarks
{
    private ControlTick _tick = null!;
    private long _index;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        double[] Code(int length) => [.. Enumerable.Range(0, length).Select(_ => random.NextDouble() * 10 - 5)];
        var maze = TMazeGenerator.Depth3(3);
        var robot = new SimulatedRobot(maze.World, PioneerModel.P3Dx, SonarLayouts.PioneerFrontRing, new SonarNoise(0.02), 0, 1);
        var l1 = InterpreterTopologies.L1();
        var l2 = InterpreterTopologies.L2();
        var controller = HpnnaController.Create(l1, l2, Code(l1.CodeLength), Code(l1.CodeLength), Code(l2.CodeLength), robot.Layout, 0.05);
        _tick = new ControlTick(robot, controller, 0.05);
    }

    [Benchmark]
    public void Tick()
    {
        _index++;
        _tick.Step(_index, _index * 0.05);
    }
}
