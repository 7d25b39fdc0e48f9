using Hpnna.Devices.Sonar;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Simulation.Gpio;

/// <summary>The HC-SR04 modules a simulated GPIO plays when no settings name any: the production layout on the production settings' pins.</summary>
public static class SimulatedModules
{
    private static readonly int[] TriggerPins = [17, 22, 24, 16, 21];
    private static readonly int[] EchoPins = [27, 23, 25, 20, 26];

    public static Hcsr04Module[] Production { get; } =
        [.. SonarLayouts.Hcsr04Production.Sensors.Select((s, i) => new Hcsr04Module(s.Name, TriggerPins[i], EchoPins[i], s.X, s.Y, s.Heading * 180 / Math.PI))];
}
