using Hpnna.Programs.Library;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Control;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Cli.Commands;

/// <summary>Where the shipped program libraries travel with the command, and the controller built from a program set.</summary>
internal static class ShippedPrograms
{
    public static string L1Path => Path.Combine(AppContext.BaseDirectory, "programs", "l1-primitives.json");

    public static string L2Path => Path.Combine(AppContext.BaseDirectory, "programs", "l2-goals.json");

    public static ProgramSet Load(string l1Path, string l2Path) => ProgramSet.Load(l1Path, l2Path);

    /// <summary>The HPNNA controller with Pr, Pl and the goal code of <paramref name="goal"/>.</summary>
    public static HpnnaController Controller(this ProgramSet programs, int depth, string goal, double controlPeriod, SensorLayout layout)
    {
        if (depth != 3)
        {
            throw new UserError($"the L2 goal programs sequence three junctions; the hpnna controller runs depth-3 mazes (got --depth {depth}); use --controller scripted for other depths");
        }

        return HpnnaController.Create(programs.L1.Interpreter, programs.L2.Interpreter, programs.L1["Pr"].Code, programs.L1["Pl"].Code, programs.Goal(goal), layout, controlPeriod);
    }
}
