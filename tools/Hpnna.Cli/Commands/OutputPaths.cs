namespace Hpnna.Cli.Commands;

/// <summary>Where a command will write, made ready before its work starts, so a bad path fails in a second, not after the run.</summary>
internal static class OutputPaths
{
    /// <summary>Creates the folder that will hold <paramref name="file"/>; a path that cannot be written is a one-line error.</summary>
    public static void EnsureFolderFor(string file) => EnsureFolder(Path.GetDirectoryName(Path.GetFullPath(file))!, file);

    /// <summary>Creates <paramref name="folder"/> and checks that a file can be written in it.</summary>
    public static void EnsureFolder(string folder, string? named = null)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".hpnna-write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserError($"cannot write {named ?? folder}: {e.Message}");
        }
    }
}
