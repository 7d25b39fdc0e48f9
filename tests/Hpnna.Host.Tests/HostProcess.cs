namespace Hpnna.Host.Tests;

/// <summary>The real controller service started as a process (dotnet hpnna-host.dll ARGS).</summary>
internal static class HostProcess
{
    public static ChildProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    public static ChildProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args) => new("hpnna-host.dll", environment, args);

    /// <summary>Runs the host to its end and returns it with its exit code.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] args) => Run(TimeSpan.FromSeconds(60), args);

    /// <summary>Runs the host to its end, waiting at most <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Output, string Error) Run(TimeSpan timeout, params string[] args)
    {
        using var host = Start(args);
        var code = host.WaitForExit(timeout);
        return (code, host.Output, host.Error);
    }
}
