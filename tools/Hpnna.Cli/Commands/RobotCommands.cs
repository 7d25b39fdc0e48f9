using System.CommandLine;
using Hpnna.Arcos.Commands;
using System.Globalization;
using Hpnna.Common.Links;
using Hpnna.Devices.Arcos;
using Hpnna.Devices.Links;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;
using Hpnna.Simulation.Arcos;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Cli.Commands;

/// <summary>
/// <c>hpnna robot check</c> (connect to a Pioneer over serial or TCP and print what it reports) and
/// <c>hpnna robot emulate</c> (a simulated Pioneer speaking ARCOS on a pseudo-terminal or TCP port). Together
/// they are the ARCOS client's sample: emulate in one terminal, check in another.
/// </summary>
internal static class RobotCommands
{
    public static Command Create() => new("robot", "Talk to a Pioneer-compatible base over ARCOS, or play one.")
    {
        Check(),
        Emulate(),
        SonarCheckCommand.Create(),
    };

    private static Command Check()
    {
        var port = new Option<string?>("--port") { Description = "Serial port of the robot (e.g. /dev/ttyUSB0, /dev/serial0)." };
        var tcp = new Option<string?>("--tcp") { Description = "HOST:PORT of a simulator or emulator (MobileSim and AMRISim listen on 8101)." };
        var baud = new Option<int>("--baud") { Description = "Serial baud rate.", DefaultValueFactory = _ => 9600 };
        var transport = new Option<string>("--transport") { Description = "termios (Linux, raw file descriptor) or serialport (System.IO.Ports, portable).", DefaultValueFactory = _ => OperatingSystem.IsLinux() ? "termios" : "serialport" };
        transport.AcceptOnlyFromAmong("termios", "serialport");
        var seconds = new Option<double>("--seconds") { Description = "How long to stay connected, standing still, before closing.", DefaultValueFactory = _ => 2 };
        var command = new Command("check", "Connect (SYNC, OPEN, CONFIG, ENABLE), print identity, battery, odometry and the sonar ring, then stop and close.")
        {
            port, tcp, baud, transport, seconds,
        };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var open = LinkOpener(parse.GetValue(port), parse.GetValue(tcp), parse.GetValue(baud), parse.GetRequiredValue(transport));
            var hold = parse.GetValue(seconds);
            if (!double.IsFinite(hold) || hold < 0)
            {
                throw new UserError($"--seconds must be 0 or more (got {hold})");
            }

            using var client = new ArcosClient(new ArcosClientOptions { OpenLink = open, EnableMotors = true });
            string? lastProblem = null;
            client.LinkChanged += (state, reason) => lastProblem = state == LinkState.Lost ? reason : lastProblem;
            client.Start();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(6);
            RobotState state;
            while ((state = client.ReadState()).SipCount == 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new UserError($"no robot answered within 6 s{(lastProblem is null ? "" : $": {lastProblem}")}");
                }

                Thread.Sleep(20);
            }

            client.SetVelocity(DriveCommand.Stop);
            Thread.Sleep(TimeSpan.FromSeconds(hold));
            state = client.ReadState();
            Print(output, state);
            return CliApp.Success;
        }));
        return command;
    }

    private static Command Emulate()
    {
        var pty = new Option<string?>("--pty") { Description = "Serve on a new pseudo-terminal, linked at this path (Linux), for a client that opens it as its serial port." };
        var tcp = new Option<int?>("--tcp") { Description = "Serve on this TCP port on loopback (0 picks a free one)." };
        var baud = new Option<int>("--baud") { Description = "Pace the robot's bytes as a UART at this rate (pty only).", DefaultValueFactory = _ => 9600 };
        var lambda = new Option<double>("--lambda") { Description = "Size of the depth-3 T-maze the robot stands in.", DefaultValueFactory = _ => 3 };
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this long (default: until Ctrl+C)." };
        var watchdog = new Option<int>("--watchdog") { Description = "The robot's communication watchdog in ms: 2000 is the factory setting, 500 what a deployed robot should have.", DefaultValueFactory = _ => 2000 };
        var goal = new Option<string?>("--goal") { Description = "Judge the run for this goal (G1..G8) and stop at its outcome: exit 0 when the robot reaches it, 2 on a crash, another goal or the time limit." };
        var timeLimit = new Option<double>("--time-limit") { Description = "With --goal: seconds of robot time before the run counts as timed out.", DefaultValueFactory = _ => 120 };
        var command = new Command("emulate", "A simulated Pioneer 3-DX in a T-maze, speaking ARCOS like real firmware (motors off until ENABLE, stops when its watchdog expires).")
        {
            pty, tcp, baud, lambda, watchdog, seconds, goal, timeLimit,
        };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var (ptyPath, tcpPort) = (parse.GetValue(pty), parse.GetValue(tcp));
            if ((ptyPath is null) == (tcpPort is null))
            {
                throw new UserError("give exactly one of --pty PATH or --tcp PORT");
            }

            var size = parse.GetValue(lambda);
            if (!double.IsFinite(size) || size <= 0)
            {
                throw new UserError($"--lambda must be a finite number > 0 (got {size})");
            }

            var period = parse.GetValue(watchdog);
            if (!EmulatorSettings.IsPlausibleWatchdog(period))
            {
                throw new UserError($"--watchdog must be between {EmulatorSettings.ShortestWatchdogMilliseconds} and {EmulatorSettings.LongestWatchdogMilliseconds} ms (got {period})");
            }

            var maze = TMazeGenerator.Depth3(size);
            var judged = parse.GetValue(goal)?.ToUpperInvariant();
            if (judged is not null)
            {
                TMazeGenerator.TurnsOf(judged, maze.Spec.Depth); // G9 and the like are refused here, before the robot is served
            }

            var robot = new SimulatedRobot(maze.World, PioneerModel.P3Dx, SonarLayouts.PioneerFrontRing, new SonarNoise(0.01, 0), 0, seed: 1);
            var emulator = new ArcosRobotEmulator(robot, new EmulatorSettings(Watchdog: TimeSpan.FromMilliseconds(period), BaudRate: tcpPort is null ? parse.GetValue(baud) : 0));
            using var ctrlC = new CtrlC();
            using var limit = parse.GetValue(seconds) is { } s ? new CancellationTokenSource(TimeSpan.FromSeconds(s)) : new CancellationTokenSource();
            using var ended = new CancellationTokenSource();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctrlC.Token, limit.Token, ended.Token);
            string? outcome = null;
            var succeeded = false;
            if (judged is not null)
            {
                var timeLimitSeconds = parse.GetValue(timeLimit);
                emulator.AfterStep = (_, simulated, time) =>
                {
                    if (outcome is null && EpisodeJudge.Judge(maze.World, simulated, judged, time, timeLimitSeconds, out var reached) is { } verdict)
                    {
                        succeeded = verdict == EpisodeOutcome.GoalReached;
                        outcome = string.Create(CultureInfo.InvariantCulture, $"{(verdict switch
                        {
                            EpisodeOutcome.GoalReached => $"reached {reached}",
                            EpisodeOutcome.WrongGoal => $"reached the wrong goal {reached} (judged for {judged})",
                            EpisodeOutcome.Crash => "crashed into a wall",
                            _ => "timed out",
                        })} after {time:0.0} s, {simulated.Distance:0.0} m driven");
                        simulated.Stop();
                        ended.Cancel();
                    }
                };
            }
            if (ptyPath is not null)
            {
                using var terminal = PseudoTerminal.Open(ptyPath);
                output.WriteLine($"emulated robot on {terminal.PortPath} -> {terminal.SlavePath} ({parse.GetValue(baud)} baud); Ctrl+C stops");
                emulator.Serve(terminal.Master, stop.Token);
            }
            else
            {
                var listener = TcpLink.Listen(tcpPort!.Value);
                listener.Start();
                output.WriteLine($"emulated robot listening on 127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}; Ctrl+C stops");
                using var registration = stop.Token.Register(listener.Stop);
                while (!stop.IsCancellationRequested && TcpLink.AcceptOrNull(listener) is { } accepted)
                {
                    using var link = accepted;
                    output.WriteLine($"client connected from {link.Description}");
                    try
                    {
                        emulator.Serve(link, stop.Token);
                    }
                    catch (LinkLostException e)
                    {
                        output.WriteLine($"client gone: {e.Message}");
                    }
                }
            }

            var status = emulator.Status;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stopped after {status.Time:0.0} s: {status.Sessions} sessions, {status.CommandsReceived} commands, {status.WatchdogTrips} watchdog stops"));
            if (judged is null)
            {
                return CliApp.Success;
            }

            output.WriteLine($"outcome: {outcome ?? "no outcome: stopped before the run ended"}");
            return succeeded ? CliApp.Success : CliApp.GoalNotReached;
        }));
        return command;
    }

    private static Func<IByteLink> LinkOpener(string? port, string? tcp, int baud, string transport)
    {
        if ((port is null) == (tcp is null))
        {
            throw new UserError("give exactly one of --port PATH or --tcp HOST:PORT");
        }

        if (tcp is not null)
        {
            var (host, number) = Endpoint(tcp);
            return () => TcpLink.Connect(host, number, TimeSpan.FromSeconds(2));
        }

        if (HostBaud.Rates.IndexOf(baud) < 0)
        {
            throw new UserError($"--baud must be one of {string.Join(", ", HostBaud.Rates.ToArray())} (got {baud})");
        }

        return transport == "termios" ? () => TermiosSerialLink.Open(port!, baud) : () => SerialPortLink.Open(port!, baud);
    }

    /// <summary>The HOST:PORT of a --tcp option, or the one error line a user gets for a malformed one.</summary>
    internal static (string Host, int Port) Endpoint(string tcp) =>
        TcpLink.TryParseEndpoint(tcp, out var host, out var port) ? (host, port) : throw new UserError($"--tcp {TcpLink.EndpointRule} (got '{tcp}')");

    private static void Print(TextWriter output, RobotState state)
    {
        var id = state.Identity!;
        var i = CultureInfo.InvariantCulture;
        output.WriteLine($"robot      {id.Name} ({id.Class} {id.Subclass})");
        output.WriteLine(string.Create(i, $"battery    {state.Battery:0.0} V, motors {(state.MotorsEnabled ? "enabled" : "disabled")}, stalled {(state.LeftStalled || state.RightStalled ? "yes" : "no")}, bumpers front {state.FrontBumpers:X2} rear {state.RearBumpers:X2}"));
        output.WriteLine(string.Create(i, $"odometry   x {state.Pose.X:0.000} m, y {state.Pose.Y:0.000} m, heading {state.Pose.Heading * 180 / Math.PI:0.0} deg"));
        var ring = PioneerSonarRing.Front;
        var ranges = string.Join("  ", ring.Sensors.Select((s, k) => double.IsNaN(state.SonarRanges[k]) ? $"{s.Name} -" : string.Create(i, $"{s.Name} {state.SonarRanges[k]:0.00}")));
        output.WriteLine($"sonar (m)  {ranges}");
        output.WriteLine(state.Watchdog is not { } watchdog ? "watchdog   not reported (no CONFIG packet)"
            : watchdog > ArcosClientOptions.LongestSafeWatchdog ? string.Create(i, $"watchdog   {watchdog.TotalMilliseconds:0} ms: after a link loss the robot drives on blind that long; set {ArcosClientOptions.LongestSafeWatchdog.TotalMilliseconds:0} ms in its FLASH (firmware-config/README.md)")
            : string.Create(i, $"watchdog   {watchdog.TotalMilliseconds:0} ms"));
        output.WriteLine($"SIPs       {state.SipCount}");
    }
}
