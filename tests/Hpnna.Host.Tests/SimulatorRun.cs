using Hpnna.Host.Backends;
using Hpnna.Programs.Library;
using Hpnna.Robot.Control;
using Hpnna.Robot.Loop;

namespace Hpnna.Host.Tests;

/// <summary>The service's control loop on a backend, built as the host's loop service builds it.</summary>
internal static class SimulatorRun
{
    /// <summary>The controller the service builds from the shipped programs (copied next to the tests), for a backend's sensors and clock.</summary>
    public static HpnnaController ShippedController(string goal, IRobotBackend backend)
    {
        var programs = ProgramSet.Load(Path.Combine(AppContext.BaseDirectory, "programs", "l1-primitives.json"), Path.Combine(AppContext.BaseDirectory, "programs", "l2-goals.json"));
        return HpnnaController.Create(programs.L1.Interpreter, programs.L2.Interpreter, programs.L1["Pr"].Code, programs.L1["Pl"].Code, programs.Goal(goal), backend.Hardware.Layout, backend.Clock.Period);
    }

    /// <summary>The loop over <paramref name="backend"/> with the shipped controller for <paramref name="goal"/>, the backend's observers after each tick.</summary>
    public static ControlLoop ShippedLoop(string goal, IRobotBackend backend) =>
        new(new ControlTick(backend.Hardware, ShippedController(goal, backend), backend.Clock.Period), backend.Clock, [.. backend.Observers]);
}
