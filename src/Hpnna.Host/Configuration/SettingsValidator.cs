using System.Globalization;
using Hpnna.Arcos.Commands;
using Hpnna.Devices.Links;
using Hpnna.Programs.CommandLink;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Host.Configuration;

/// <summary>Checks the settings before anything starts and names every problem by its configuration key.</summary>
public static class SettingsValidator
{
    /// <summary>Whether the key file holds a usable key (the reader's own rule, so the two never disagree).</summary>
    private static bool KeyUsable(string path)
    {
        try
        {
            LinkAuthenticator.ReadKeyFile(path);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether this build carries the plotting library (the Pi's is published without it).</summary>
#if HPNNA_PLOTS
    public const bool Drawing = true;
#else
    public const bool Drawing = false;
#endif

    public static IReadOnlyList<string> Validate(ControllerSettings s)
    {
        var problems = new List<string>();
        void Check(bool ok, string key, string rule, object value)
        {
            if (!ok)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"Hpnna:{key} {rule} (got {value})"));
            }
        }

        Check(double.IsFinite(s.PeriodMilliseconds) && s.PeriodMilliseconds is >= 5 and <= 1000, "PeriodMilliseconds", "must be between 5 and 1000", s.PeriodMilliseconds);
        Check(s.Goal.Length == 2 && s.Goal[0] is 'G' or 'g' && s.Goal[1] is >= '1' and <= '8', "Goal", "must be one of G1..G8", $"'{s.Goal}'");
        Check(s.RealtimePriority is >= 0 and <= 99, "RealtimePriority", "must be between 0 (off) and 99", s.RealtimePriority);
        Check(double.IsFinite(s.StatusSeconds) && s.StatusSeconds > 0, "StatusSeconds", "must be > 0", s.StatusSeconds);
        Check(double.IsFinite(s.Judge.Lambda) && s.Judge.Lambda is >= 0 and <= 20, "Judge:Lambda", "must be 0 (off) or a maze size in (0, 20]", s.Judge.Lambda);
        Check(s.Judge.Lambda == 0 || s.Backend != BackendKind.Simulator, "Judge:Lambda", "judges a real base or the HIL rig by odometry; the simulator judges its own world (use Simulator:Lambda)", s.Judge.Lambda);
        Check(double.IsFinite(s.Judge.TimeLimitSeconds) && s.Judge.TimeLimitSeconds > 0, "Judge:TimeLimitSeconds", "must be > 0", s.Judge.TimeLimitSeconds);
        var link = s.CommandLink;
        Check(link.TcpPort is >= 0 and <= 65535, "CommandLink:TcpPort", "must be 0 (off) or a port up to 65535", link.TcpPort);
        Check(HostBaud.Rates.IndexOf(link.Baud) >= 0, "CommandLink:Baud", "must be one of 9600, 19200, 38400, 57600, 115200", link.Baud);
        Check(link.KeyFile.Length == 0 || File.Exists(link.KeyFile), "CommandLink:KeyFile", "does not exist", $"'{link.KeyFile}'");
        Check(link.KeyFile.Length == 0 || !File.Exists(link.KeyFile) || KeyUsable(link.KeyFile), "CommandLink:KeyFile", "must be readable and hold a key of at least 16 bytes", $"'{link.KeyFile}'");
        Check(link.KeyFile.Length == 0 || !link.AllowUnauthenticated, "CommandLink:AllowUnauthenticated", "cannot be true when a key is configured", link.AllowUnauthenticated);
        if (s.Backend == BackendKind.Simulator)
        {
            Check(double.IsFinite(s.Simulator.Speed) && s.Simulator.Speed is >= 0 and <= 100, "Simulator:Speed", "must be 0 (virtual time) or a real-time factor up to 100", s.Simulator.Speed);
            var sim = s.Simulator;
            Check(double.IsFinite(sim.Lambda) && sim.Lambda is > 0 and <= 20, "Simulator:Lambda", "must be in (0, 20]", sim.Lambda);
            Check(double.IsFinite(sim.SonarNoise) && sim.SonarNoise is >= 0 and <= 1, "Simulator:SonarNoise", "must be between 0 and 1 m", sim.SonarNoise);
            Check(double.IsFinite(sim.TimeLimitSeconds) && sim.TimeLimitSeconds is > 0 and <= 3600, "Simulator:TimeLimitSeconds", "must be in (0, 3600]", sim.TimeLimitSeconds);
            Check(SonarSetup.Named(sim.Sonars) is not null, "Simulator:Sonars", "must be Ring or Hcsr04", $"'{sim.Sonars}'");
            Check(SonarSetup.Named(sim.Sonars)?.Pings is null || s.Hardware.SonarModules.Count is 0 or (>= 3 and <= 8), "Hardware:SonarModules", "must list 3 to 8 modules for the simulator's HC-SR04 robot (or none: the production layout)", s.Hardware.SonarModules.Count);
            Check(SonarSetup.Named(sim.Sonars)?.Pings is null || sim.Speed is 0 or 1, "Simulator:Speed", "must be 0 or 1 with Hcsr04 sonars (their driver pings in real time, so the world runs at real time)", sim.Speed);
            Check(sim.Png.Length == 0 || Drawing, "Simulator:Png", "needs a build that draws (this one was published without the plotting library)", $"'{sim.Png}'");
            return problems;
        }

        var hw = s.Hardware;
        Check(string.IsNullOrEmpty(hw.Port) != string.IsNullOrEmpty(hw.Tcp), "Hardware:Port", "or Hardware:Tcp must be set, not both", $"Port '{hw.Port}', Tcp '{hw.Tcp}'");
        Check(hw.Tcp.Length == 0 || TcpLink.TryParseEndpoint(hw.Tcp, out _, out _), "Hardware:Tcp", TcpLink.EndpointRule, $"'{hw.Tcp}'");

        Check(HostBaud.Rates.IndexOf(hw.Baud) >= 0, "Hardware:Baud", "must be one of 9600, 19200, 38400, 57600, 115200", hw.Baud);
        Check(hw.Transport is "termios" or "serialport", "Hardware:Transport", "must be termios or serialport", $"'{hw.Transport}'");
        Check(double.IsFinite(hw.MaxLinear) && hw.MaxLinear is > 0 and <= 2, "Hardware:MaxLinear", "must be in (0, 2] m/s", hw.MaxLinear);
        Check(double.IsFinite(hw.MaxAngularDegrees) && hw.MaxAngularDegrees is > 0 and <= 500, "Hardware:MaxAngularDegrees", "must be in (0, 500] deg/s", hw.MaxAngularDegrees);
        Check(double.IsFinite(hw.LowBatteryVolts) && hw.LowBatteryVolts is > 0 and < 30, "Hardware:LowBatteryVolts", "must be in (0, 30) V", hw.LowBatteryVolts);
        Check(hw.Sonars is "Base" or "Gpio" or "Rig", "Hardware:Sonars", "must be Base, Gpio or Rig", $"'{hw.Sonars}'");
        Check(s.Backend == BackendKind.Hil || hw.Sonars != "Rig", "Hardware:Sonars", "can be Rig only with the Hil backend (a bench's simulated GPIO)", $"'{hw.Sonars}'");
        Check(hw.Sonars != "Rig" || hw.SonarModules.Count is 0 or (>= 3 and <= 8), "Hardware:SonarModules", "must list 3 to 8 modules for a bench's HC-SR04 robot (or none: the production layout)", hw.SonarModules.Count);
        Check(hw.Sonars != "Rig" || TcpLink.TryParseEndpoint(hw.SonarFeed, out _, out _), "Hardware:SonarFeed", $"with Sonars Rig {TcpLink.EndpointRule}", $"'{hw.SonarFeed}'");
        if (hw.Sonars == "Gpio")
        {
            Check(hw.SonarModules.Count >= 3, "Hardware:SonarModules", "must list at least 3 modules (right, front, left)", hw.SonarModules.Count);
            Check(double.IsFinite(hw.SonarSlotMilliseconds) && hw.SonarSlotMilliseconds >= 25, "Hardware:SonarSlotMilliseconds", "must be at least 25", hw.SonarSlotMilliseconds);
            problems.AddRange(PinProblems(hw));
        }

        return problems;
    }

    /// <summary>The GPIO pins (BCM numbers) each UART overlay takes on a Raspberry Pi 4: TXD, RXD.</summary>
    public static IReadOnlyDictionary<string, (int Txd, int Rxd)> UartPins { get; } = new Dictionary<string, (int, int)>
    {
        ["uart0"] = (14, 15),
        ["uart2"] = (0, 1),
        ["uart3"] = (4, 5),
        ["uart4"] = (8, 9),
        ["uart5"] = (12, 13),
    };

    /// <summary>Sonar lines that are not GPIO pins, or that another line or a UART already uses: one line each, naming both uses.</summary>
    private static IEnumerable<string> PinProblems(HardwareSettings hw)
    {
        var uses = new Dictionary<int, string>();
        foreach (var overlay in hw.UartOverlays)
        {
            if (!UartPins.TryGetValue(overlay, out var pins))
            {
                yield return $"Hpnna:Hardware:UartOverlays names '{overlay}', which is not one of {string.Join(", ", UartPins.Keys)}";
                continue;
            }

            uses[pins.Txd] = $"TXD of the {overlay} overlay";
            uses[pins.Rxd] = $"RXD of the {overlay} overlay";
        }

        for (var i = 0; i < hw.SonarModules.Count; i++)
        {
            var module = hw.SonarModules[i];
            foreach (var (pin, role) in new[] { (module.TriggerPin, "Trigger"), (module.EchoPin, "Echo") })
            {
                var key = $"Hpnna:Hardware:SonarModules:{i}:{role}Pin";
                var use = $"the {role.ToLowerInvariant()} of sonar '{module.Name}'";
                if (pin is < 0 or > 27)
                {
                    yield return $"{key} must be a GPIO number from 0 to 27 (got {pin})";
                }
                else if (uses.TryGetValue(pin, out var other))
                {
                    yield return $"{key}: GPIO {pin} would be both {use} and {other}";
                }
                else
                {
                    uses[pin] = use;
                }
            }
        }
    }
}
