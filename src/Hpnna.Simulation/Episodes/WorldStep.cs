using Hpnna.Robot.Loop;
using Hpnna.Simulation.Robots;

namespace Hpnna.Simulation.Episodes;

/// <summary>
/// The simulated world's physics as an observer of the loop: after each tick has written its setpoint, the
/// robot moves by one control period in fixed sub-steps and its sonars scan, ready for the next tick's read.
/// </summary>
public sealed class WorldStep(SimulatedRobot robot, double period, int substeps) : ITickObserver
{
    public bool AfterTick(in Tick tick)
    {
        robot.Advance(period, substeps);
        return false;
    }
}
