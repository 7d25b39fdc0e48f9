namespace Hpnna.Cli.Commands;

/// <summary>Options that take comma-separated lists ("Pr,Pl", "2, 3, 4"): the items, trimmed, empty ones dropped.</summary>
internal static class CommaList
{
    public static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
