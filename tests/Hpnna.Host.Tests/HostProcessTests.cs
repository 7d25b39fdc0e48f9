using System.Net;
using System.Net.Sockets;
using Hpnna.Devices.Links;
using Hpnna.Robot.Sensing;
using Hpnna.Simulation.Arcos;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Host.Tests;

/// <summary>The controller service as a real process: default run, bad start-up input, and shutdown on a real (emulated) base.</summary>
[Collection("processes")]
public sealed class HostProcessTests
{
    [Fact]
    public void With_no_configuration_it_runs_the_simulator_and_reaches_the_goal_and_draws_the_path()
    {
        var png = Path.Combine(Path.GetTempPath(), $"hpnna-host-{Guid.NewGuid():N}.png");
        try
        {
            var (code, output, error) = HostProcess.Run("--goal", "G3", "--png", png);
            Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
            Assert.Contains("Backend simulator: Pioneer 3-DX with its front sonar ring in a depth-3 T-maze", output);
            Assert.Matches(@"Run ended: reached G3 after \d+\.\d s", output);
            Assert.Matches(@"goal=G3 junctions=\d turns=[LR-]+ turning=(yes|no) dropped=0 primitive=P[rl] state=running ticks=\d+ late=0 overruns=0 skipped=0", output);
            Assert.True(new FileInfo(png).Length > 10_000);
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Fact]
    public void The_timing_self_test_reports_lateness_percentiles()
    {
        var (code, output, _) = HostProcess.Run("--timing-test", "1", "20");
        Assert.Equal(0, code);
        Assert.Matches(@"^50 ticks at 50 Hz \(.*\): lateness p50 \d+ us, p99 \d+ us, p99\.9 \d+ us, max \d+ us; skipped deadlines \d+", output);
    }

    [Fact]
    public void A_run_that_misses_its_goal_exits_2()
    {
        var (code, output, _) = HostProcess.Run("--goal", "G7", "--Hpnna:Simulator:TimeLimitSeconds", "5");
        Assert.Equal(2, code);
        Assert.Contains("Run ended: timed out after 5.0 s", output);
    }

    [Fact]
    public void A_corrupted_program_file_fails_at_start_with_a_clear_message()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "programs", "l2-goals.json");
        var corrupted = Path.Combine(Path.GetTempPath(), $"hpnna-corrupt-{Guid.NewGuid():N}.json");
        var text = File.ReadAllText(shipped);
        var at = text.IndexOf("\"code\"", StringComparison.Ordinal);
        var digit = text.IndexOfAny("123456789".ToCharArray(), at);
        File.WriteAllText(corrupted, text[..digit] + (text[digit] == '9' ? '1' : (char)(text[digit] + 1)) + text[(digit + 1)..]);
        try
        {
            var (code, output, error) = HostProcess.Run("--l2", corrupted);
            Assert.Equal(1, code);
            Assert.StartsWith($"error: {corrupted}", error);
            Assert.Contains("checksum", error);
            Assert.DoesNotContain("   at ", error + output);
        }
        finally
        {
            File.Delete(corrupted);
        }
    }

    [Theory]
    [InlineData("Hpnna:PeriodMilliseconds must be between 5 and 1000 (got 0)", "--period", "0")]
    [InlineData("Hpnna:Goal must be one of G1..G8 (got 'G9')", "--goal", "G9")]
    [InlineData("Hpnna:PeriodMilliseconds must be a number (got 'fast')", "--period", "fast")]
    [InlineData("Hpnna:Hardware:Tcp must be HOST:PORT", "--backend", "Hardware", "--tcp", "nowhere")]
    public void Bad_settings_stop_the_start_with_their_key_named(string message, params string[] args)
    {
        var (code, _, error) = HostProcess.Run(args);
        Assert.Equal(1, code);
        Assert.Contains(message, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void L1_programs_learned_with_other_sensors_are_refused_at_start_naming_the_layout_and_the_library()
    {
        var ring = Path.Combine(AppContext.BaseDirectory, "programs", "l1-primitives.json");
        var (code, output, error) = HostProcess.Run("--sonars", "hcsr04", "--l1", ring);
        Assert.Equal(1, code);
        Assert.Equal($"error: {ring}: $.sensors: these L1 programs were learned with the sensor layout 'pioneer-front-ring', but the robot carries 'hcsr04-5' (right -90 deg, front-right -45 deg, front 0 deg, front-left +45 deg, left +90 deg); use the library learned for it", error.Trim());
        Assert.DoesNotContain("   at ", error + output);
    }

    [Fact]
    public void An_HC_SR04_layout_no_shipped_library_was_learned_with_is_refused_at_start()
    {
        // Three modules (right, front, left) at the simulator: the layout is data, and the shipped L1 programs are for five.
        string[] modules = [.. new[] { ("right", 17, 27, -90), ("front", 24, 25, 0), ("left", 21, 26, 90) }.SelectMany((m, i) => new[]
        {
            $"--Hpnna:Hardware:SonarModules:{i}:Name", m.Item1, $"--Hpnna:Hardware:SonarModules:{i}:TriggerPin", $"{m.Item2}",
            $"--Hpnna:Hardware:SonarModules:{i}:EchoPin", $"{m.Item3}", $"--Hpnna:Hardware:SonarModules:{i}:HeadingDegrees", $"{m.Item4}",
        })];
        var (code, output, error) = HostProcess.Run(["--sonars", "hcsr04", .. modules]);
        Assert.Equal(1, code);
        Assert.Contains("no shipped L1 library was learned with the sensor layout 'hcsr04-3' (right -90 deg, front 0 deg, left +90 deg)", error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", output + error);
    }

    [Fact]
    public void A_command_link_key_too_short_to_be_safe_stops_the_start()
    {
        var key = Path.Combine(Path.GetTempPath(), $"hpnna-short-key-{Guid.NewGuid():N}");
        File.WriteAllText(key, "short\n");
        try
        {
            var (code, _, error) = HostProcess.Run("--link-tcp", "1", "--link-key", key);
            Assert.Equal(1, code);
            Assert.Contains("Hpnna:CommandLink:KeyFile must be readable and hold a key of at least 16 bytes", error);
            Assert.Single(error.Trim().Split('\n'));
        }
        finally
        {
            File.Delete(key);
        }
    }

    [Fact]
    public void An_exception_no_thread_caught_stops_the_robot_closes_the_session_and_exits_1()
    {
        var (host, emulator, serving) = HostOnEmulatedBase(new Dictionary<string, string> { ["HPNNA_INJECT_FAULT"] = "thread" });
        using (host)
        using (serving)
        {
            Assert.True(Poll.Until(() => emulator.Status.Odometry.Linear > 0.1, TimeSpan.FromSeconds(15)), $"the controller never drove the robot\n{host.Output}\n{host.Error}");
            Assert.Equal(1, host.WaitForExit(TimeSpan.FromSeconds(15)));
            Assert.True(Poll.Until(() => !emulator.Status.Open && !emulator.Status.MotorsEnabled, TimeSpan.FromSeconds(3)), "the session was not closed");
            Assert.Equal(default, emulator.Status.Setpoint);
            Assert.Equal("fatal: InvalidOperationException: injected fault (HPNNA_INJECT_FAULT=thread); the robot was stopped", host.Error.Trim());
        }
    }

    [Fact]
    public void Stopping_the_host_stops_the_robot_and_closes_the_session()
    {
        var (host, emulator, serving) = HostOnEmulatedBase(new Dictionary<string, string>());
        using (host)
        using (serving)
        {
            Assert.True(Poll.Until(() => emulator.Status.Odometry.Linear > 0.1, TimeSpan.FromSeconds(15)), $"the controller never drove the robot\n{host.Output}\n{host.Error}");
            host.Terminate();
            Assert.Equal(0, host.WaitForExit(TimeSpan.FromSeconds(10)));
            Assert.True(Poll.Until(() => !emulator.Status.Open && !emulator.Status.MotorsEnabled, TimeSpan.FromSeconds(3)), "the session was not closed");
            Assert.Equal(default, emulator.Status.Setpoint);
            Assert.Contains("robot stopped, motors disabled, session closed", host.Output);
        }
    }

    [Fact]
    public void Under_systemd_the_watchdog_is_fed_while_the_loop_ticks()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hpnna-notify-{Guid.NewGuid():N}.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.ReceiveTimeout = 5000;
        try
        {
            using var host = HostProcess.Start(new Dictionary<string, string> { ["NOTIFY_SOCKET"] = path, ["WATCHDOG_USEC"] = "400000" }, "--goal", "G2", "--speed", "1");
            var buffer = new byte[256];
            var pings = 0;
            while (pings < 3)
            {
                var n = socket.Receive(buffer);
                pings += System.Text.Encoding.ASCII.GetString(buffer, 0, n) == "WATCHDOG=1" ? 1 : 0;
            }

            Assert.Equal(3, pings);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The host on the Hardware backend over TCP to an emulated base served here; dispose the last item to stop serving.</summary>
    private static (ChildProcess Host, ArcosRobotEmulator Emulator, IDisposable Serving) HostOnEmulatedBase(IReadOnlyDictionary<string, string> environment)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var host = HostProcess.Start(environment, "--backend", "Hardware", "--tcp", $"127.0.0.1:{port}");
        listener.Server.ReceiveTimeout = 20_000;
        var link = new TcpLink(listener.AcceptSocket());
        listener.Stop();
        var maze = TMazeGenerator.Depth3(3);
        var emulator = new ArcosRobotEmulator(new SimulatedRobot(maze.World, PioneerModel.P3Dx, PioneerSonarRing.Front, SonarNoise.None, 0, seed: 1), new EmulatorSettings(BaudRate: 0));
        var stop = new CancellationTokenSource();
        var serving = new Thread(() =>
        {
            try
            {
                emulator.Serve(link, stop.Token);
            }
            catch (Hpnna.Common.Links.LinkLostException)
            {
                // the host closed the connection after CLOSE
            }
        });
        serving.Start();
        return (host, emulator, new Serving(stop, serving, link));
    }

    private sealed class Serving(CancellationTokenSource stop, Thread thread, TcpLink link) : IDisposable
    {
        public void Dispose()
        {
            stop.Cancel();
            thread.Join();
            link.Dispose();
            stop.Dispose();
        }
    }
}
