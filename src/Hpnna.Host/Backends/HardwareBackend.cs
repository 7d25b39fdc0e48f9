using System.Device.Gpio;
using Hpnna.Common.Links;
using Hpnna.Devices.Arcos;
using Hpnna.Devices.Links;
using Hpnna.Devices.Sonar;
using Hpnna.Host.Configuration;
using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Gpio;
using Hpnna.Robot.Loop;
using Hpnna.Robot.Sensing;
using Microsoft.Extensions.Logging;

namespace Hpnna.Host.Backends;

/// <summary>
/// A real base over ARCOS (serial or TCP), with either its own sonar ring or HC-SR04 modules on the Pi's GPIO,
/// paced by the monotonic clock. Also the Hil backend: the rig plays the base on a serial line or TCP port.
/// A robot in the field never finishes by itself: nothing judges it.
/// </summary>
public sealed class HardwareBackend : IRobotBackend
{
    private readonly ArcosClient _client;
    private readonly IDisposable[] _owned;
    private int _disposed;

    public HardwareBackend(ControllerSettings settings, ILogger logger)
    {
        var hw = settings.Hardware;
        _client = new ArcosClient(
            new ArcosClientOptions
            {
                OpenLink = Opener(hw),
                MaxLinear = hw.MaxLinear,
                MaxAngular = hw.MaxAngularDegrees * Math.PI / 180,
                LowBatteryVolts = hw.LowBatteryVolts,

                // The loop writes every tick, a stop included: ten periods of silence mean its thread is stuck.
                SetpointTimeout = TimeSpan.FromMilliseconds(10 * settings.PeriodMilliseconds),
            },
            logger);
        if (hw.Sonars == "Gpio")
        {
            var modules = hw.Modules();
            var gpio = new GpioController();
            var edges = GpioV2EdgeSource.Open(hw.GpioChip, modules.Select(m => m.EchoPin).ToArray());
            var array = new Hcsr04Array(new Hcsr04Settings(modules, PingSchedule.NonAdjacentGroups(modules.Length, TimeSpan.FromMilliseconds(hw.SonarSlotMilliseconds))), gpio, edges);
            array.Start();
            Hardware = new ArcosBase(_client, array);
            _owned = [array, edges, gpio];
        }
        else if (hw.Sonars == "Rig")
        {
            // A bench: the rig plays the world and feeds the modules' echoes to a simulated GPIO, which the driver reads as on the Pi.
            var modules = settings.Hcsr04Modules();
            var gpio = new SimulatedSonarGpio(modules);
            TcpLink.TryParseEndpoint(hw.SonarFeed, out var feedHost, out var feedPort);
            var feed = new SonarFeed.Client(feedHost, feedPort, gpio, modules.Length);
            var array = new Hcsr04Array(new Hcsr04Settings(modules, PingSchedule.NonAdjacentGroups(modules.Length, TimeSpan.FromMilliseconds(hw.SonarSlotMilliseconds))), new GpioController(gpio), gpio.KernelEdges);
            array.Start();
            Hardware = new ArcosBase(_client, array);
            _owned = [array, feed, gpio];
        }
        else
        {
            Hardware = new ArcosBase(_client);
            _owned = [];
        }

        Clock = new MonotonicTickSource(settings.PeriodMilliseconds / 1000);
        Description = $"{settings.Backend.ToString().ToLowerInvariant()}: ARCOS base on {(hw.Port.Length > 0 ? $"{hw.Port} ({hw.Transport}, {hw.Baud} baud)" : $"tcp {hw.Tcp}")}, sonars {hw.Sonars switch { "Gpio" => $"{hw.SonarModules.Count} HC-SR04 on {hw.GpioChip}", "Rig" => $"HC-SR04 on a simulated GPIO fed by the rig at {hw.SonarFeed}", _ => "from the base's ring" }}, clock {(MonotonicTickSource.IsPrecise ? "clock_nanosleep" : "sleep+spin")}";
        _client.Start();
    }

    public string Description { get; }

    public IRobotHardware Hardware { get; }

    public ITickSource Clock { get; }

    /// <summary>A robot in the field has nothing to step or judge.</summary>
    public IReadOnlyList<ITickObserver> Observers => [];

    /// <summary>Closes the robot session (VEL 0, ENABLE 0, CLOSE) and releases the sonars; once, from whichever thread comes first.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _client.Dispose();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private static Func<IByteLink> Opener(HardwareSettings hw)
    {
        if (TcpLink.TryParseEndpoint(hw.Tcp, out var host, out var port))
        {
            return () => TcpLink.Connect(host, port, TimeSpan.FromSeconds(2));
        }

        return hw.Transport == "termios" ? () => TermiosSerialLink.Open(hw.Port, hw.Baud) : () => SerialPortLink.Open(hw.Port, hw.Baud);
    }
}
