using System.Device.Gpio;
using BenchmarkDotNet.Attributes;
using Hpnna.Devices.Sonar;
using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Gpio;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Benchmarks;

/// <summary>
/// What the control tick pays to read five HC-SR04 modules: the latest published set from the driver's triple
/// buffer, with each reading's age, while the driver pings on its own thread over the simulated GPIO.
/// </summary>
[MemoryDiagnoser]
public class Hcsr04ReadBenchmarks
{
    private readonly SonarReading[] _readings = new SonarReading[5];
    private SimulatedSonarGpio _gpio = null!;
    private Hcsr04Array _array = null!;

    [GlobalSetup]
    public void Setup()
    {
        var layout = SonarLayouts.Hcsr04Production;
        var modules = layout.Sensors.Select((s, i) => new Hcsr04Module(s.Name, 2 * i + 16, 2 * i + 17, s.X, s.Y, s.Heading * 180 / Math.PI)).ToArray();
        _gpio = new SimulatedSonarGpio(modules);
        for (var i = 0; i < modules.Length; i++)
        {
            _gpio.SetRange(i, 0.5 + 0.4 * i);
        }

        _array = new Hcsr04Array(new Hcsr04Settings(modules, SonarLayouts.Hcsr04Pings(modules.Length)), new GpioController(_gpio), _gpio.KernelEdges);
        _array.Start();
        Thread.Sleep(300);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _array.Dispose();
        _gpio.Dispose();
    }

    [Benchmark]
    public double Read()
    {
        _array.Read(_readings);
        return _readings[2].Range;
    }
}
