using Hpnna.Host.Backends;
using Hpnna.Programs.Library;
using Hpnna.Robot.Control;

namespace Hpnna.Host.Tests;

/// <summary>The controller the service builds from the shipped programs (copied next to the tests), for a backend's sonars and clock.</summary>
internal static class ShippedController
{
    public static HpnnaController For(string goal, IRobotBackend backend)
    {
        var programs = ProgramSet.Load(Path.Combine(AppContext.BaseDirectory, "programs", "l1-primitives.json"), Path.Combine(AppContext.BaseDirectory, "programs", "l2-goals.json"));
        return HpnnaController.Create(programs.L1.Interpreter, programs.L2.Interpreter, programs.L1["Pr"].Code, programs.L1["Pl"].Code, programs.Goal(goal), backend.Sonars.Sensors, backend.Clock.Period);
    }
}
