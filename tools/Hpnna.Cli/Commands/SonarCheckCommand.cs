using System.CommandLine;
using System.Device.Gpio;
using System.Globalization;
using System.Text.Json;
using Hpnna.Devices.Sonar;
using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Gpio;
using Hpnna.Simulation.Sonars;
using Iot.Device.Hcsr04;
using UnitsNet;

namespace Hpnna.Cli.Commands;

/// <summary>
/// <c>hpnna robot sonar-check</c>: the wiring check for HC-SR04 modules on the Pi. Each configured module is read
/// with the dotnet/iot <see cref="Hcsr04"/> binding (busy-waits on the echo pin: fine for a check, never on the
/// control path), then all of them with the project's edge-timed driver on its ping schedule, side by side.
/// A module that one reads and the other does not, or where they disagree, is a wiring or timing fault.
/// </summary>
internal static class SonarCheckCommand
{
    /// <summary>Two readings of one module agree within this (1 cm, 58 us of echo).</summary>
    public const double AgreeWithin = 0.01;

    public static Command Create()
    {
        var settings = new Option<string>("--settings") { Description = "The service's settings file with Hpnna:Hardware:SonarModules (pins and poses).", DefaultValueFactory = _ => "/opt/hpnna/appsettings.Production.json" };
        var chip = new Option<string>("--gpio-chip") { Description = "The GPIO character device the echo edges are read from.", DefaultValueFactory = _ => "/dev/gpiochip0" };
        var reads = new Option<int>("--reads") { Description = "Readings per module and driver; the median is shown.", DefaultValueFactory = _ => 5 };
        var simulate = new Option<string?>("--simulate") { Description = "No GPIO: play the modules on a simulated GPIO with these comma-separated ranges in metres (or 'none' for no echo), one per module." };
        var command = new Command("sonar-check", "Read every configured HC-SR04 module with the dotnet/iot binding and with the project's driver, side by side; exit 0 when each module answers both and they agree within 1 cm.")
        {
            settings, chip, reads, simulate,
        };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var modules = Modules(parse.GetRequiredValue(settings));
            var count = parse.GetValue(reads);
            if (count is < 1 or > 100)
            {
                throw new UserError($"--reads must be between 1 and 100 (got {count})");
            }

            // A controller over the simulated driver disposes the driver with it: one for the whole check.
            var simulated = parse.GetValue(simulate) is { } ranges ? Simulated(modules, ranges) : null;
            using var simulatedGpio = simulated is null ? null : new GpioController(simulated);
            var binding = modules.Select(m => BindingRange(simulatedGpio, m, count)).ToArray();
            var driver = DriverRanges(simulatedGpio, simulated?.KernelEdges, modules, parse.GetRequiredValue(chip), count);
            return Print(parse.InvocationConfiguration.Output, modules, binding, driver);
        }));
        return command;
    }

    private static int Print(TextWriter output, Hcsr04Module[] modules, double?[] binding, double?[] driver)
    {
        static string Cm(double? metres) => metres is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m * 100:0.0} cm") : "no echo";
        output.WriteLine($"{"module",-12} {"trigger",7} {"echo",5} {"dotnet/iot",12} {"hpnna driver",13} verdict");
        var faults = 0;
        for (var i = 0; i < modules.Length; i++)
        {
            var verdict = (binding[i], driver[i]) switch
            {
                (null, null) => "no echo from either: check power, trigger and the echo divider (or nothing within 4 m)",
                (null, _) or (_, null) => "only one driver heard it: check the echo line",
                ({ } a, { } b) when Math.Abs(a - b) <= AgreeWithin => "ok",
                _ => "they disagree by more than 1 cm: check the echo divider and the GPIO chip",
            };
            faults += verdict == "ok" ? 0 : 1;
            output.WriteLine($"{modules[i].Name,-12} {modules[i].TriggerPin,7} {modules[i].EchoPin,5} {Cm(binding[i]),12} {Cm(driver[i]),13} {verdict}");
        }

        return faults == 0 ? CliApp.Success : CliApp.GoalNotReached;
    }

    /// <summary>The median of the binding's readings of one module, or null when it never got one.</summary>
    private static double? BindingRange(GpioController? simulated, Hcsr04Module module, int reads)
    {
        using var own = simulated is null ? new GpioController() : null;
        using var sensor = new Hcsr04(simulated ?? own!, module.TriggerPin, module.EchoPin, shouldDispose: false);
        var ranges = new List<double>();
        for (var r = 0; r < reads; r++)
        {
            if (sensor.TryGetDistance(out Length distance) && distance.Meters <= Hcsr04Module.MaxRange)
            {
                ranges.Add(distance.Meters);
            }
        }

        return Median(ranges);
    }

    /// <summary>The median of each module's readings by the project's driver over <paramref name="reads"/> of its cycles.</summary>
    private static double?[] DriverRanges(GpioController? simulated, IEchoEdgeSource? simulatedEdges, Hcsr04Module[] modules, string chip, int reads)
    {
        var schedule = SonarLayouts.Hcsr04Pings(modules.Length);
        var gpio = simulated ?? new GpioController();
        var edges = simulatedEdges ?? GpioV2EdgeSource.Open(chip, [.. modules.Select(m => m.EchoPin)]);
        using var array = new Hcsr04Array(new Hcsr04Settings(modules, schedule), gpio, edges);
        var ranges = modules.Select(_ => new List<double>()).ToArray();
        var readings = new Hcsr04Reading[modules.Length];
        var seen = new long[modules.Length];
        array.Start();
        var deadline = DateTime.UtcNow + schedule.Cycle * (reads + 2) + TimeSpan.FromSeconds(1);
        while (ranges.Any(r => r.Count < reads) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(schedule.SlotLength / 2);
            array.ReadDetailed(readings);
            for (var i = 0; i < modules.Length; i++)
            {
                if (readings[i].Stamp != seen[i] && readings[i].Stamp != 0)
                {
                    seen[i] = readings[i].Stamp;
                    if (readings[i].Status is EchoStatus.Range or EchoStatus.TooClose)
                    {
                        ranges[i].Add(readings[i].Range);
                    }
                }
            }
        }

        array.Dispose();
        if (simulated is null)
        {
            edges.Dispose();
            gpio.Dispose();
        }

        return [.. ranges.Select(Median)];
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        return values[values.Count / 2];
    }

    private static SimulatedSonarGpio Simulated(Hcsr04Module[] modules, string ranges)
    {
        var parts = ranges.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != modules.Length)
        {
            throw new UserError($"--simulate needs one range per module ({modules.Length}: {string.Join(", ", modules.Select(m => m.Name))}); got {parts.Length}");
        }

        var gpio = new SimulatedSonarGpio(modules);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] == "none")
            {
                gpio.SetRange(i, null);
            }
            else if (double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var metres) && metres is >= Hcsr04Module.MinRange and <= Hcsr04Module.MaxRange)
            {
                gpio.SetRange(i, metres);
            }
            else
            {
                gpio.Dispose();
                throw new UserError($"--simulate: '{parts[i]}' is not a range from {Hcsr04Module.MinRange} to {Hcsr04Module.MaxRange} m or 'none'");
            }
        }

        return gpio;
    }

    /// <summary>The modules of Hpnna:Hardware:SonarModules in a settings file, or the one error that says what is wrong with it.</summary>
    private static Hcsr04Module[] Modules(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserError($"--settings: {path} does not exist (give the service's settings file, such as firmware-config/settings/appsettings.Production.json)");
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!json.RootElement.TryGetProperty("Hpnna", out var hpnna) || !hpnna.TryGetProperty("Hardware", out var hardware) || !hardware.TryGetProperty("SonarModules", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                throw new UserError($"{path} has no Hpnna:Hardware:SonarModules to check");
            }

            var modules = list.EnumerateArray().Select(m => new Hcsr04Module(
                m.GetProperty("Name").GetString() ?? "",
                m.GetProperty("TriggerPin").GetInt32(),
                m.GetProperty("EchoPin").GetInt32(),
                m.GetProperty("X").GetDouble(),
                m.GetProperty("Y").GetDouble(),
                m.GetProperty("HeadingDegrees").GetDouble())).ToArray();
            new Hcsr04Settings(modules, SonarLayouts.Hcsr04Pings(modules.Length)).Validate();
            return modules;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new UserError($"{path}: Hpnna:Hardware:SonarModules must list modules with Name, TriggerPin, EchoPin, X, Y and HeadingDegrees ({e.Message})");
        }
    }
}
