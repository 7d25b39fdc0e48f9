namespace Hpnna.Robot.Control;

/// <summary>
/// The goals of a multiple T-maze and the turns that reach them: Gk is reached by the binary digits of k - 1,
/// first junction first, 1 for right (depth 3: G1 = LLL, G2 = LLR, ..., G8 = RRR).
/// </summary>
public static class GoalRoutes
{
    /// <summary>The junctions the L2 goal programs sequence.</summary>
    public const int Junctions = 3;

    /// <summary>Goals at <see cref="Junctions"/>.</summary>
    public const int Count = 1 << Junctions;

    private static readonly string[] Names = [.. Enumerable.Range(1, Count).Select(k => $"G{k}")];

    /// <summary>"G1".."G8", without allocating.</summary>
    public static string Name(int goal) => Names[goal - 1];

    /// <summary>The goal number of "G1".."G(2^depth)" (case-insensitive), or 0.</summary>
    public static int Number(string name, int depth = Junctions) =>
        name.Length >= 2 && name[0] is 'G' or 'g' && int.TryParse(name.AsSpan(1), System.Globalization.NumberStyles.None, null, out var k) && k >= 1 && k <= 1 << depth ? k : 0;

    /// <summary>Whether goal <paramref name="goal"/> turns right at junction <paramref name="junction"/> (0-based).</summary>
    public static bool TurnsRight(int goal, int junction, int depth = Junctions) => (((goal - 1) >> (depth - 1 - junction)) & 1) == 1;

    /// <summary>The turns to goal <paramref name="goal"/>, e.g. "LRL".</summary>
    public static string Turns(int goal, int depth = Junctions) =>
        new([.. Enumerable.Range(0, depth).Select(j => TurnsRight(goal, j, depth) ? 'R' : 'L')]);
}
