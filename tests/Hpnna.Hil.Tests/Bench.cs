using System.Diagnostics;
using System.Text;

namespace Hpnna.Hil.Tests;

/// <summary>
/// A CI bench: the rig (hpnna-rig) plays the robot on a pseudo-terminal, and the real controller service
/// (hpnna-host, Hil backend) drives it through its real serial stack. Both are real processes.
/// </summary>
internal sealed class Bench : IDisposable
{
    private readonly string _port = Path.Combine(Path.GetTempPath(), $"hpnna-hil-{Guid.NewGuid():N}");

    private Bench(string scenario, string[] hostArgs)
    {
        Trace = Path.Combine(Path.GetTempPath(), $"hpnna-hil-{Guid.NewGuid():N}.csv");
        Rig = Start("hpnna-rig.dll", ["--scenario", Path.Combine(AppContext.BaseDirectory, "scenarios", scenario), "--pty", _port, "--trace", Trace]);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!File.Exists(_port) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Host = Start("hpnna-host.dll", ["--backend", "Hil", "--port", _port, "--Hpnna:StatusSeconds", "2", .. hostArgs]);
    }

    public Proc Rig { get; }

    public Proc Host { get; }

    public string Trace { get; }

    /// <summary>Runs a scenario against a host told <paramref name="hostArgs"/>; returns when the rig has judged it.</summary>
    public static Bench Run(string scenario, params string[] hostArgs) => new(scenario, hostArgs);

    /// <summary>Waits for the rig's verdict (exit 0 pass, 2 fail) and its result line.</summary>
    public (int Code, string Result) Verdict(TimeSpan timeout)
    {
        var code = Rig.WaitForExit(timeout);
        var result = Rig.Output.Split('\n').LastOrDefault(l => l.StartsWith("scenario ", StringComparison.Ordinal)) ?? "(no result line)";
        return (code, result);
    }

    /// <summary>SIGTERM to the controller, as systemd stops it; its exit code.</summary>
    public int StopHost()
    {
        Process.Start("kill", ["-TERM", Host.Id.ToString()])!.WaitForExit();
        return Host.WaitForExit(TimeSpan.FromSeconds(15));
    }

    public void Dispose()
    {
        Host.Dispose();
        Rig.Dispose();
        File.Delete(Trace);
    }

    private static Proc Start(string dll, string[] args) => new(Path.Combine(AppContext.BaseDirectory, dll), args);

    /// <summary>A child process with its output captured.</summary>
    internal sealed class Proc : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        public Proc(string dll, string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
            start.ArgumentList.Add(dll);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            _process = Process.Start(start)!;
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public int Id => _process.Id;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public int WaitForExit(TimeSpan timeout)
        {
            if (!_process.WaitForExit(timeout))
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{_process.StartInfo.ArgumentList[0]} did not exit within {timeout.TotalSeconds} s:\n{Output}");
            }

            _process.WaitForExit();
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
