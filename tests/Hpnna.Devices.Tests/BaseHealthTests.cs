using Hpnna.Devices.Arcos;
using Hpnna.Devices.Links;

namespace Hpnna.Devices.Tests;

/// <summary>The client's health warnings from the SIPs of the emulated robot: low battery and wheel stall, each logged once per transition.</summary>
[Collection("real time")]
public sealed class BaseHealthTests
{
    [Fact]
    public void A_low_battery_and_a_stall_are_logged_when_they_start_and_when_they_end()
    {
        using var pty = PseudoTerminal.Open();
        using var robot = new EmulatedRobot(pty.Master);
        var volts = 13.0;
        var stalled = false;
        robot.Emulator.AfterStep = (session, _, _) =>
        {
            session.Battery = (byte)(Volatile.Read(ref volts) * 10);
            session.ForceStall = Volatile.Read(ref stalled);
        };
        var log = new LineLogger();
        using var client = new ArcosClient(new ArcosClientOptions { OpenLink = () => TermiosSerialLink.Open(pty.SlavePath), LowBatteryVolts = 11.5 }, log);
        client.Start();
        Assert.True(ClientHarness.WaitUntil(client, s => s.IsCurrent && s.Battery > 12.9, TimeSpan.FromSeconds(5)), "no connection");
        Assert.DoesNotContain(log.Lines, l => l.Contains("battery", StringComparison.OrdinalIgnoreCase));

        Volatile.Write(ref volts, 11.2);
        Assert.True(Poll.Until(() => log.Lines.Any(l => l.StartsWith("Warning: Robot battery low: 11.2 V", StringComparison.Ordinal)), TimeSpan.FromSeconds(3)), string.Join('\n', log.Lines));

        // Just above the threshold is not yet a recovery (a loaded battery sags and recovers by tenths).
        Volatile.Write(ref volts, 11.6);
        Assert.True(ClientHarness.WaitUntil(client, s => s.Battery > 11.55, TimeSpan.FromSeconds(3)));
        Volatile.Write(ref volts, 12.5);
        Assert.True(Poll.Until(() => log.Lines.Any(l => l.StartsWith("Information: Robot battery back to 12.5 V", StringComparison.Ordinal)), TimeSpan.FromSeconds(3)));
        Assert.Single(log.Lines, l => l.Contains("battery low", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, l => l.Contains("back to 11.6", StringComparison.Ordinal));

        Volatile.Write(ref stalled, true);
        Assert.True(Poll.Until(() => log.Lines.Any(l => l == "Warning: Robot wheel stall: both wheels (the base is pushing against something or a wheel is blocked)"), TimeSpan.FromSeconds(3)), string.Join('\n', log.Lines));
        Volatile.Write(ref stalled, false);
        Assert.True(Poll.Until(() => log.Lines.Any(l => l == "Information: Robot wheel stall cleared"), TimeSpan.FromSeconds(3)));
        Assert.Single(log.Lines, l => l.Contains("wheel stall:", StringComparison.Ordinal));
    }
}
