using Hpnna.Robot.Loop;
using Hpnna.Simulation.Robots;

namespace Hpnna.Simulation.Gpio;

/// <summary>
/// Feeds the simulated GPIO's HC-SR04 modules from the simulated world: after each tick's physics, every
/// module's echo answers with the range its cone sees from where the robot now is (nothing within 4 m: the
/// module's long no-echo pulse). The driver pings on its own schedule in real time and times the echoes it
/// gets, exactly as on the Pi; run the world paced at real time. Per tick, no allocation.
/// </summary>
public sealed class WorldEchoes(SimulatedRobot robot, SimulatedSonarGpio gpio) : ITickObserver
{
    public bool AfterTick(in Tick tick)
    {
        var ranges = robot.SonarReadings;
        for (var i = 0; i < ranges.Length; i++)
        {
            gpio.SetRange(i, ranges[i].Echo ? ranges[i].Range : null);
        }

        return false;
    }
}
