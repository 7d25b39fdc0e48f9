using Hpnna.Core.Interpreters;
using Hpnna.Programs.Library;
using Hpnna.Robot.Control;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Cli.Commands;

/// <summary>The L1 and L2 program libraries the controller runs: by default the ones shipped in <c>firmware-config/programs</c>.</summary>
internal sealed record ShippedPrograms(ProgramLibrary L1, ProgramLibrary L2)
{
    public static string L1Path => Path.Combine(AppContext.BaseDirectory, "programs", "l1-primitives.json");

    public static string L2Path => Path.Combine(AppContext.BaseDirectory, "programs", "l2-goals.json");

    /// <summary>Loads both libraries, checking each against the default interpreter of its level.</summary>
    public static ShippedPrograms Load(string l1Path, string l2Path)
    {
        var l1 = ProgramLibrary.Load(l1Path);
        var l2 = ProgramLibrary.Load(l2Path);
        foreach (var (library, name, path) in new[] { (l1, "L1", l1Path), (l2, "L2", l2Path) })
        {
            if (library.Interpreter.Name != name)
            {
                throw new UserError($"{path}: this is a library for '{library.Interpreter.Name}', not for {name}");
            }
        }

        return new ShippedPrograms(l1, l2);
    }

    /// <summary>The HPNNA controller with Pr, Pl and the goal code of <paramref name="goal"/>.</summary>
    public HpnnaController Controller(int depth, string goal, double controlPeriod)
    {
        if (depth != 3)
        {
            throw new UserError($"the L2 goal programs sequence three junctions; the hpnna controller runs depth-3 mazes (got --depth {depth}); use --controller scripted for other depths");
        }

        return HpnnaController.Create(L1.Interpreter, L2.Interpreter, L1["Pr"].Code, L1["Pl"].Code, L2[goal].Code, SonarLayouts.PioneerFrontRing, controlPeriod);
    }
}
