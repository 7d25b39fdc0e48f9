using System.CommandLine;
using Hpnna.Devices.Links;
using Hpnna.Hil.Rig;
using Hpnna.Hil.Rig.Laps;
using Hpnna.Hil.Rig.Scenarios;
using Hpnna.Programs.CommandLink;
using Hpnna.Simulation.Arcos;
using Hpnna.Simulation.Gpio;

// hpnna-rig: plays a Pioneer for a controller under test, over a pty, a real serial port or TCP.
var scenarioOption = new Option<string>("--scenario") { Description = "The scenario file (world, faults, pass criteria).", Required = true };
var pty = new Option<string?>("--pty") { Description = "Serve on a new pseudo-terminal linked at this path (CI, one machine)." };
var serial = new Option<string?>("--serial") { Description = "Serve on this serial port (a bench: null-modem cable to the controller's Pi)." };
var tcp = new Option<int?>("--tcp") { Description = "Serve on this loopback TCP port." };
var baud = new Option<int>("--baud") { Description = "Line speed (serial) or pacing (pty).", DefaultValueFactory = _ => 9600 };
var trace = new Option<string?>("--trace") { Description = "Write a CSV row every 0.1 s as the run goes (a live view: tail -f)." };
var png = new Option<string?>("--png") { Description = "Draw the maze and the path here at the end." };
var controllerLink = new Option<string?>("--link") { Description = "HOST:PORT of the controller's command link (TCP): needed for scenarios of several laps; also fetches the controller's tick figures for the result." };
var linkKey = new Option<string?>("--link-key") { Description = "The command link's shared key file, when the controller requires one." };
var untilClosed = new Option<bool>("--until-closed") { Description = "After the verdict, serve until the controller closes its session, then report every packet the robot received (a soak's lost-command count)." };
var sonarFeed = new Option<int?>("--sonar-feed") { Description = "For a scenario with HC-SR04 modules: the loopback TCP port on which the controller's simulated GPIO reads the modules' echoes." };
var realtimePriority = new Option<int>("--realtime-priority") { Description = "SCHED_FIFO priority of the serving thread (1-99, below the controller's 50 when both share a machine; 0 = normal scheduling). The rig plays physics: starved, it would feed the controller late sonar and time that no robot has.", DefaultValueFactory = _ => 40 };
var root = new RootCommand("Hardware-in-the-loop rig: a simulated Pioneer 3-DX in a T-maze speaking ARCOS, with scheduled faults; exit 0 when the scenario passes, 2 when it fails, 1 on bad input.")
{
    scenarioOption, pty, serial, tcp, baud, trace, png, controllerLink, linkKey, untilClosed, realtimePriority, sonarFeed,
};
root.SetAction(parse =>
{
    try
    {
        var scenario = Scenario.Load(parse.GetRequiredValue(scenarioOption));
        var (ptyPath, serialPath, tcpPort) = (parse.GetValue(pty), parse.GetValue(serial), parse.GetValue(tcp));
        if (new object?[] { ptyPath, serialPath, tcpPort }.Count(v => v is not null) != 1)
        {
            throw new ArgumentException("give exactly one of --pty PATH, --serial PORT or --tcp PORT");
        }

        var director = Director(scenario, parse.GetValue(controllerLink), parse.GetValue(linkKey));
        using var ctrlC = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            ctrlC.Cancel();
        };
        var priority = parse.GetValue(realtimePriority);
        if (priority is < 0 or > 99)
        {
            throw new ArgumentException($"--realtime-priority must be between 0 and 99 (got {priority})");
        }

        if ((scenario.Sonars == "hcsr04") != parse.GetValue(sonarFeed).HasValue)
        {
            throw new ArgumentException(scenario.Sonars == "hcsr04"
                ? $"scenario {scenario.Name} has HC-SR04 modules: give --sonar-feed PORT, and the controller --Hpnna:Hardware:Sonars Rig with Hpnna:Hardware:SonarFeed 127.0.0.1:PORT"
                : $"--sonar-feed is for scenarios with HC-SR04 modules; {scenario.Name} has the base's ring");
        }

        using var feed = parse.GetValue(sonarFeed) is { } feedPort ? new SonarFeed.Server(feedPort) : null;
        var run = new RigRun(scenario, tcpPort is null ? parse.GetValue(baud) : 0, parse.GetValue(trace), parse.GetValue(png), director, parse.GetValue(untilClosed), priority, feed);
        RigResult result;
        if (ptyPath is not null)
        {
            using var terminal = PseudoTerminal.Open(ptyPath);
            Console.WriteLine($"rig: robot on {terminal.PortPath} -> {terminal.SlavePath}; scenario {scenario.Name}");
            result = run.Run(terminal.Master, ctrlC.Token);
        }
        else if (serialPath is not null)
        {
            using var link = TermiosSerialLink.Open(serialPath, parse.GetValue(baud));
            Console.WriteLine($"rig: robot on {serialPath}; scenario {scenario.Name}");
            result = run.Run(link, ctrlC.Token);
        }
        else
        {
            var listener = TcpLink.Listen(tcpPort!.Value);
            listener.Start();
            Console.WriteLine($"rig: robot listening on 127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}; scenario {scenario.Name}");
            using var link = new TcpLink(listener.AcceptSocket());
            listener.Stop();
            result = run.Run(link, ctrlC.Token);
        }

        return result.Passed ? 0 : 2;
    }
    catch (Exception e) when (e is ArgumentException or IOException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
});
return root.Parse(args).Invoke();

static Func<ArcosRobotEmulator, LapDirector>? Director(Scenario scenario, string? endpoint, string? keyFile)
{
    if (endpoint is null)
    {
        return scenario.NeedsCommandLink
            ? throw new ArgumentException($"scenario {scenario.Name} runs {scenario.Laps} laps: give --link HOST:PORT (the controller's command link) so that the rig can put the robot back and command each lap")
            : null;
    }

    if (!TcpLink.TryParseEndpoint(endpoint, out var host, out var port))
    {
        throw new ArgumentException($"--link must be HOST:PORT (got '{endpoint}')");
    }

    var key = keyFile is null ? null : LinkAuthenticator.ReadKeyFile(keyFile);
    return emulator => new LapDirector(new ControllerLink(host, port, key), emulator);
}
