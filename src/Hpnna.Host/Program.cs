using Hpnna.Common.Validation;
using Hpnna.Core.Layers;
using Hpnna.Host.Backends;
using Hpnna.Host.CommandLink;
using Hpnna.Host.Configuration;
using Hpnna.Host.Services;
using Hpnna.Programs.Library;
using Hpnna.Robot.Control;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The controller service. With no configuration it runs the shipped programs on the built-in simulator.
// Settings: appsettings.json, HPNNA__* environment variables, or the command line (hpnna-host --help lists them).
var commandLine = HostCommandLine.Parse(args);
switch (commandLine.Action)
{
    case HostCommandLine.Mode.Help:
        Console.Out.Write(HostCommandLine.Usage());
        return 0;
    case HostCommandLine.Mode.Version:
        Console.Out.WriteLine(HostCommandLine.Version());
        return 0;
    case HostCommandLine.Mode.Refuse:
        Console.Error.WriteLine($"error: {commandLine.Error}");
        return 1;
    case HostCommandLine.Mode.TimingTest:
        // hpnna-host --timing-test SECONDS [PERIOD_MS] [--busy] [--fifo]: the clock alone, no robot.
        var seconds = args.Length > 1 && double.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 30;
        var period = args.Length > 2 && double.TryParse(args[2], System.Globalization.CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 20;
        return TimingSelfTest.Run(seconds, period, args.Contains("--busy"), args.Contains("--fifo"), Console.Out);
}

HostApplicationBuilder builder;
try
{
    builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.Configuration.AddCommandLine(args, HostCommandLine.Switches.ToDictionary());
}
catch (InvalidDataException e)
{
    // A settings file that is not JSON: "Failed to load configuration from file '...'" and the parser's reason.
    Console.Error.WriteLine($"error: {e.Message}{(e.InnerException is { } inner ? $" {inner.Message}" : "")}".ReplaceLineEndings(" "));
    return 1;
}

builder.Services.AddSystemd();
builder.Services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>(); // AddSystemd adds it only under systemd; the watchdog service asks for it always
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.TimestampFormat = "HH:mm:ss.fff ";
});

ControllerSettings settings;
ProgramSet programs;
try
{
    var loaded = SettingsLoader.TryLoad(builder.Configuration, out var problems);
    if (loaded is not null)
    {
        problems = ExclusivePorts.Problems(loaded);
    }

    if (problems.Count > 0)
    {
        Console.Error.WriteLine($"error: settings: {string.Join("; ", problems)}");
        return 1;
    }

    settings = loaded!;

    var layout = settings.SonarLayout();
    ControllerDefaults.Grouping(layout); // a layout L1's programs cannot be fed from is refused here, before any device opens
    programs = ProgramChoice.Load(settings, layout);
    programs.Goal(settings.Goal.ToUpperInvariant());
}
catch (Exception e) when (e is InvalidOperationException or InvalidDescriptionException or ArgumentException)
{
    // A program file that is missing, corrupt or incomplete, or a sonar layout L1 cannot be fed from.
    Console.Error.WriteLine($"error: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}");
    return 1;
}

builder.Services.AddSingleton(Options.Create(settings));
builder.Services.AddSingleton(programs);
builder.Services.AddSingleton<Func<ControllerSettings, ILogger, IRobotBackend>>(
    (s, log) => s.Backend == BackendKind.Simulator ? new SimulatorBackend(s) : new HardwareBackend(s, log));
builder.Services.AddSingleton<RunningController>();
builder.Services.AddHostedService<ControlLoopService>();
builder.Services.AddHostedService<CommandLinkService>();
builder.Services.AddHostedService<WatchdogService>();

using var host = builder.Build();

// The last line of defence: an exception that no thread caught stops the robot before the process dies, says
// why in one line, and exits non-zero so systemd restarts the service.
var running = host.Services.GetRequiredService<RunningController>();
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    running.StopRobot();
    Console.Error.WriteLine($"fatal: {(e.ExceptionObject as Exception)?.GetType().Name}: {(e.ExceptionObject as Exception)?.Message.ReplaceLineEndings(" ")}; the robot was stopped");
    Environment.Exit(ControlLoopService.ExitFault);
};

// Fault injection, to try the line above on a running robot (and in its test): a thread that throws 2 s after the loop starts.
if (Environment.GetEnvironmentVariable("HPNNA_INJECT_FAULT") == "thread")
{
    _ = running.Running.ContinueWith(_ => new Thread(() =>
    {
        Thread.Sleep(2000);
        throw new InvalidOperationException("injected fault (HPNNA_INJECT_FAULT=thread)");
    }) { IsBackground = true, Name = "injected fault" }.Start(), TaskScheduler.Default);
}

await host.RunAsync();
return Environment.ExitCode;
