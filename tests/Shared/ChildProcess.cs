using System.Diagnostics;
using System.Text;

namespace Hpnna.Tests.Shared;

/// <summary>A program of this repository started as a real process (<c>dotnet X.dll ARGS</c>) with stdout and stderr captured.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _program;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    /// <param name="dll">
    /// The program, relative to the test's output folder (its project reference copies it there), or to the folder
    /// <c>HPNNA_PROCESS_DIR</c> names: the same tests run against another build (a published one, an older one, or
    /// one compiled ahead of time, whose executable is run directly when the folder has no such dll).
    /// </param>
    public ChildProcess(string dll, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
    {
        var path = Path.Combine(ProgramFolder, dll);
        var native = Path.ChangeExtension(path, null);
        _program = File.Exists(path) || !File.Exists(native) ? path : native;
        var start = _program == path ? new ProcessStartInfo("dotnet") { ArgumentList = { path } } : new ProcessStartInfo(native);
        (start.RedirectStandardOutput, start.RedirectStandardError, start.WorkingDirectory) = (true, true, Path.GetTempPath());
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Where the programs started are: the test's output folder, or the one <c>HPNNA_PROCESS_DIR</c> names.</summary>
    public static string ProgramFolder => Environment.GetEnvironmentVariable("HPNNA_PROCESS_DIR") ?? AppContext.BaseDirectory;

    public int Id => _process.Id;

    public string Output => Read(_output);

    public string Error => Read(_error);

    /// <summary>Waits for the exit and returns the code; kills the process and throws after <paramref name="timeout"/>.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{_program} did not exit within {timeout.TotalSeconds} s; output so far:\n{Output}\n{Error}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGTERM, as systemd stops a service.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }
}
