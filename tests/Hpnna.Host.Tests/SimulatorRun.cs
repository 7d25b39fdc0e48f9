using Hpnna.Host.Backends;
using Hpnna.Programs.Library;
using Hpnna.Robot.Control;
using Hpnna.Robot.Loop;

namespace Hpnna.Host.Tests;

/// <summary>Runs the service's control loop on a simulator backend, one tick at a time, as the host's loop thread would.</summary>
internal static class SimulatorRun
{
    /// <summary>The controller the service builds from the shipped programs (copied next to the tests), for a backend's sonars and clock.</summary>
    public static HpnnaController ShippedController(string goal, IRobotBackend backend)
    {
        var programs = ProgramSet.Load(Path.Combine(AppContext.BaseDirectory, "programs", "l1-primitives.json"), Path.Combine(AppContext.BaseDirectory, "programs", "l2-goals.json"));
        return HpnnaController.Create(programs.L1.Interpreter, programs.L2.Interpreter, programs.L1["Pr"].Code, programs.L1["Pl"].Code, programs.Goal(goal), backend.Sonars.Sensors, backend.Clock.Period);
    }

    /// <summary>One tick: the clock (which advances the simulated world), read, step, write, then the backend's judge.</summary>
    public static void Tick(ControlLoop loop, IRobotBackend backend)
    {
        var tick = backend.Clock.WaitForNext();
        loop.Step();
        backend.AfterTick(tick);
    }
}
