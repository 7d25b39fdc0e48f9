#if HPNNA_PLOTS
using Hpnna.Rendering;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Loop;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Worlds;

namespace Hpnna.Host.Backends;

/// <summary>
/// Records the simulated robot's true path after each tick into a buffer sized for the whole run, and draws it
/// over the maze to PNG when the run ends. Only in builds with the plotting library (the Pi's has none and
/// refuses a <c>Simulator:Png</c> setting at start).
/// </summary>
public sealed class PathPicture(World world, SimulatedRobot robot, RunJudge judge, string png, int capacity) : ITickObserver
{
    private readonly Pose2D[] _path = new Pose2D[Math.Max(2, capacity)];
    private int _length;

    public string File => png;

    public bool AfterTick(in Tick tick)
    {
        if (_length == 0)
        {
            _path[_length++] = world.Start;
        }

        if (_length < _path.Length)
        {
            _path[_length++] = robot.Pose;
        }

        return false;
    }

    /// <summary>Draws the path so far, titled with the goal and the outcome.</summary>
    public void Save() =>
        MazePicture.SavePng(world, [new Trajectory($"HPNNA, goal {judge.Goal}", _path[.._length])], $"{judge.Goal}: {judge.Outcome}", png);
}
#endif
