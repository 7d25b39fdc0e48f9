namespace Hpnna.Hil.Tests;

/// <summary>
/// A CI bench: the rig (hpnna-rig) plays the robot on a pseudo-terminal, and the real controller service
/// (hpnna-host, Hil backend) drives it through its real serial stack. Both are real processes. The rig
/// also holds the controller's command link (TCP, development mode without a key): it puts the robot back
/// between laps and asks for the controller's tick figures at the end.
/// </summary>
internal sealed class Bench : IDisposable
{
    private readonly string _port = Path.Combine(Path.GetTempPath(), $"hpnna-hil-{Guid.NewGuid():N}");

    private Bench(string scenario, string[] rigArgs, string[] hostArgs)
    {
        Trace = Path.Combine(Path.GetTempPath(), $"hpnna-hil-{Guid.NewGuid():N}.csv");
        LinkPort = FreePort.Next();
        Rig = Start("hpnna-rig.dll", ["--scenario", Path.Combine(AppContext.BaseDirectory, "scenarios", scenario), "--pty", _port, "--trace", Trace, "--link", $"127.0.0.1:{LinkPort}", .. rigArgs]);
        Poll.Until(() => File.Exists(_port), TimeSpan.FromSeconds(20));

        Host = Start("hpnna-host.dll", ["--backend", "Hil", "--port", _port, "--Hpnna:StatusSeconds", "2", "--link-tcp", LinkPort.ToString(), "--Hpnna:CommandLink:AllowUnauthenticated", "true", .. hostArgs]);
    }

    /// <summary>The controller's command link (loopback TCP).</summary>
    public int LinkPort { get; }

    public ChildProcess Rig { get; }

    public ChildProcess Host { get; }

    public string Trace { get; }

    /// <summary>Starts the rig on a scenario and a host told <paramref name="hostArgs"/>; <see cref="Verdict"/> waits for the judgement.</summary>
    public static Bench Run(string scenario, params string[] hostArgs) => new(scenario, [], hostArgs);

    /// <summary>As <see cref="Run"/>, with options for the rig too.</summary>
    public static Bench Run(string scenario, string[] rigArgs, string[] hostArgs) => new(scenario, rigArgs, hostArgs);

    /// <summary>
    /// A bench whose robot has HC-SR04 modules: the rig feeds their echoes over its sonar feed to the host's
    /// simulated GPIO, which the host's own driver reads (the kernel's GPIO character device is what is not here).
    /// </summary>
    public static Bench RunHcsr04(string scenario, params string[] hostArgs)
    {
        var feed = FreePort.Next();
        return new(scenario, ["--sonar-feed", feed.ToString()], ["--Hpnna:Hardware:Sonars", "Rig", "--Hpnna:Hardware:SonarFeed", $"127.0.0.1:{feed}", .. hostArgs]);
    }

    /// <summary>Waits for the rig's verdict (exit 0 pass, 2 fail) and its result line.</summary>
    public (int Code, string Result) Verdict(TimeSpan timeout)
    {
        var code = Rig.WaitForExit(timeout);
        var result = Rig.Output.Split('\n').LastOrDefault(l => l.StartsWith("scenario ", StringComparison.Ordinal)) ?? "(no result line)";
        return (code, result);
    }

    /// <summary>
    /// A failed verdict explained: the result line, the controller's log, the rig's own output, then how both
    /// processes were scheduled and how busy the machine was (last, where a truncated CI log still shows it: a
    /// starved bench fails for its machine, not for its controller).
    /// </summary>
    public string Explain(string result)
    {
        var scheduling = Rig.Output.Split('\n').Concat(Host.Output.Split('\n')).Where(l => l.Contains("scheduling", StringComparison.Ordinal));
        return $"{result}\n--- host ---\n{Host.Output}\n--- rig ---\n{Rig.Output}{Rig.Error}\n--- bench ---\n{string.Join('\n', scheduling)}\nload average: {File.ReadAllText("/proc/loadavg").Trim()}\n{result}";
    }

    /// <summary>SIGTERM to the controller, as systemd stops it; its exit code.</summary>
    public int StopHost()
    {
        Host.Terminate();
        return Host.WaitForExit(TimeSpan.FromSeconds(15));
    }

    public void Dispose()
    {
        Host.Dispose();
        Rig.Dispose();
        File.Delete(Trace);
    }

    private static ChildProcess Start(string dll, string[] args) => new(dll, new Dictionary<string, string>(), args);
}
