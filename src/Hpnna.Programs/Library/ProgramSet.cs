using Hpnna.Common.Validation;
using Hpnna.Core.Layers;

namespace Hpnna.Programs.Library;

/// <summary>
/// What the robot runs: an L1 library with the wall followers Pr and Pl, and an L2 library with the goal codes.
/// Loading checks that each file is a valid library for its level and holds the programs the controller needs,
/// and names the file in every complaint.
/// </summary>
public sealed record ProgramSet(ProgramLibrary L1, ProgramLibrary L2, string L1Path, string L2Path)
{
    /// <summary>The L1 programs the hierarchy blends.</summary>
    public static readonly string[] Primitives = ["Pr", "Pl"];

    /// <exception cref="InvalidDescriptionException">A file is unreadable, invalid, for the wrong level, or lacks Pr or Pl.</exception>
    public static ProgramSet Load(string l1Path, string l2Path)
    {
        var l1 = ProgramLibrary.Load(l1Path);
        var l2 = ProgramLibrary.Load(l2Path);
        Require(l1, "L1", l1Path, Primitives);
        Require(l2, "L2", l2Path, []);
        return new ProgramSet(l1, l2, l1Path, l2Path);
    }

    /// <summary>The goal code named <paramref name="goal"/> (G1..G8).</summary>
    /// <exception cref="InvalidDescriptionException">The L2 library has no such program.</exception>
    public ReadOnlySpan<double> Goal(string goal)
    {
        if (!L2.Contains(goal))
        {
            throw new InvalidDescriptionException(L2Path, [new Problem("$.programs", $"has no goal '{goal}' (it has {string.Join(", ", L2.Programs.Select(p => p.Name))})")]);
        }

        return L2[goal].Code;
    }

    private static void Require(ProgramLibrary library, string level, string path, string[] names)
    {
        if (library.Interpreter.Name != level)
        {
            throw new InvalidDescriptionException(path, [new Problem("$.interpreter.name", $"this is a library for '{library.Interpreter.Name}', but {level} programs are expected here")]);
        }

        var missing = names.Where(n => !library.Contains(n)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDescriptionException(path, [new Problem("$.programs", $"lacks {string.Join(" and ", missing)}, which the controller needs")]);
        }
    }
}
