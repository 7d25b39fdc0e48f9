using Hpnna.Programs.CommandLink;
using Hpnna.Devices.Sonar;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;
using Hpnna.Simulation.Gpio;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Host.Configuration;

/// <summary>Where the robot is: the built-in simulator, a real base, or a hardware-in-the-loop rig playing one.</summary>
public enum BackendKind
{
    Simulator,
    Hardware,
    Hil,
}

/// <summary>Everything the service reads from the "Hpnna" configuration section (appsettings, environment, command line).</summary>
public sealed class ControllerSettings
{
    public const string Section = "Hpnna";

    public BackendKind Backend { get; set; } = BackendKind.Simulator;

    /// <summary>Control period; the loop reads, steps and writes once per period.</summary>
    public double PeriodMilliseconds { get; set; } = 50;

    /// <summary>The goal L2 runs at start, G1 (LLL) .. G8 (RRR).</summary>
    public string Goal { get; set; } = "G5";

    /// <summary>The L1 library (Pr, Pl); empty means the shipped one beside the executable.</summary>
    public string L1Programs { get; set; } = "";

    /// <summary>The L2 library (G1..G8); empty means the shipped one.</summary>
    public string L2Programs { get; set; } = "";

    /// <summary>SCHED_FIFO priority of the control thread on real-time backends (1-99; 0 leaves it as a normal thread).</summary>
    public int RealtimePriority { get; set; } = 50;

    /// <summary>Seconds between status lines (tick timing, activity).</summary>
    public double StatusSeconds { get; set; } = 5;

    public SimulatorSettings Simulator { get; set; } = new();

    public CommandLinkSettings CommandLink { get; set; } = new();

    public HardwareSettings Hardware { get; set; } = new();

    public JudgeSettings Judge { get; set; } = new();

    /// <summary>The range sensors these settings give the robot: the Pioneer ring (the base's own, or simulated), or HC-SR04 modules (configured, or the simulator's production layout).</summary>
    public SensorLayout SonarLayout() => Backend switch
    {
        BackendKind.Simulator => SimulatedSonars().Pings is null ? PioneerSonarRing.Front : Hcsr04Module.Layout(Hcsr04Modules()),
        _ => Hardware.Sonars switch
        {
            "Gpio" => Hcsr04Module.Layout(Hardware.Modules()),
            "Rig" => Hcsr04Module.Layout(Hcsr04Modules()),
            _ => PioneerSonarRing.Front,
        },
    };

    /// <summary>The sensors the simulated robot carries (<see cref="SimulatorSettings.Sonars"/>).</summary>
    public SonarSetup SimulatedSonars() => SonarSetup.Named(Simulator.Sonars) ?? SonarSetup.Ring;

    /// <summary>The HC-SR04 modules a simulated GPIO plays (the simulator's, a bench's): those of Hardware:SonarModules, or the production layout's.</summary>
    public Hcsr04Module[] Hcsr04Modules() => Hardware.SonarModules.Count > 0 ? Hardware.Modules() : SimulatedModules.Production;
}

public sealed class SimulatorSettings
{
    /// <summary>Maze size as the paper's lambda (corridor time over turning time).</summary>
    public double Lambda { get; set; } = 3;

    public int Seed { get; set; } = 1;

    /// <summary>Sonar range noise, standard deviation in metres.</summary>
    public double SonarNoise { get; set; } = 0.02;

    /// <summary>Simulated seconds before the run counts as a time-out.</summary>
    public double TimeLimitSeconds { get; set; } = 120;

    /// <summary>Draw the maze and the path here when the run ends (empty: no picture).</summary>
    public string Png { get; set; } = "";

    /// <summary>0 runs in virtual time (as fast as the machine goes); 1 paces the world in real time; 4 at four times real time.</summary>
    public double Speed { get; set; }

    /// <summary>
    /// The simulated robot's sensors: Ring (the Pioneer's front ring) or Hcsr04 (the production layout's five
    /// modules, read by the project's HC-SR04 driver over a simulated GPIO; the world then runs at real time).
    /// </summary>
    public string Sonars { get; set; } = "Ring";
}

/// <summary>
/// A run on a real base or the HIL rig judged by the robot's own odometry against a depth-3 maze of this size,
/// ending at its outcome as a simulated run does (off by default: a robot in the field runs until stopped).
/// </summary>
public sealed class JudgeSettings
{
    /// <summary>The maze's size lambda (0 = no judge).</summary>
    public double Lambda { get; set; }

    public double TimeLimitSeconds { get; set; } = 120;
}

/// <summary>The operator's line-based link for swapping programs at run time.</summary>
public sealed class CommandLinkSettings
{
    /// <summary>TCP port on loopback for development (0 = off).</summary>
    public int TcpPort { get; set; }

    /// <summary>Serial port (USB adapter, radio modem, Bluetooth SPP) on the robot (empty = off).</summary>
    public string Serial { get; set; } = "";

    /// <summary>The link's baud rate; <c>hpnna link</c> uses the same default, so the two agree unless told otherwise.</summary>
    public int Baud { get; set; } = LinkDefaults.Baud;

    /// <summary>File holding the shared key (at least 16 bytes); without it the link is read-only.</summary>
    public string KeyFile { get; set; } = "";

    /// <summary>Development only: accept state changes without a key.</summary>
    public bool AllowUnauthenticated { get; set; }
}

public sealed class HardwareSettings
{
    /// <summary>Serial port of the base (e.g. /dev/serial0 or a udev name such as /dev/pioneer).</summary>
    public string Port { get; set; } = "";

    /// <summary>HOST:PORT of a simulator or rig over TCP, instead of <see cref="Port"/>.</summary>
    public string Tcp { get; set; } = "";

    public int Baud { get; set; } = 9600;

    /// <summary>termios (Linux) or serialport (System.IO.Ports).</summary>
    public string Transport { get; set; } = "termios";

    /// <summary>Caps on the setpoints sent to the base.</summary>
    public double MaxLinear { get; set; } = 0.5;

    public double MaxAngularDegrees { get; set; } = 100;

    /// <summary>A battery reading below this is logged as a warning, volts.</summary>
    public double LowBatteryVolts { get; set; } = 11.5;

    /// <summary>
    /// Base (the Pioneer's own ring, from SIPs), Gpio (HC-SR04 modules on the Pi), or Rig (a bench: HC-SR04 modules
    /// on a simulated GPIO whose echoes the HIL rig feeds from its world at <see cref="SonarFeed"/>).
    /// </summary>
    public string Sonars { get; set; } = "Base";

    /// <summary>With Sonars Rig: HOST:PORT of the rig's sonar feed.</summary>
    public string SonarFeed { get; set; } = "";

    public string GpioChip { get; set; } = "/dev/gpiochip0";

    /// <summary>
    /// The UARTs the boot configuration enables (firmware-config/boot): uart0 (GPIO 14/15, the base's port) and
    /// uart3 (GPIO 4/5, the command link) as shipped. Their pins cannot be sonar lines.
    /// </summary>
    public string[] UartOverlays { get; set; } = ["uart0", "uart3"];

    public double SonarSlotMilliseconds { get; set; } = 30;

    public List<SonarModuleSettings> SonarModules { get; set; } = [];

    public Hcsr04Module[] Modules() => [.. SonarModules.Select(m => new Hcsr04Module(m.Name, m.TriggerPin, m.EchoPin, m.X, m.Y, m.HeadingDegrees))];
}

public sealed class SonarModuleSettings
{
    public string Name { get; set; } = "";
    public int TriggerPin { get; set; } = -1;
    public int EchoPin { get; set; } = -1;
    public double X { get; set; }
    public double Y { get; set; }
    public double HeadingDegrees { get; set; }
}
