using System.Device.Gpio;
using Hpnna.Core.Interpreters;
using Hpnna.Devices.Arcos;
using Hpnna.Devices.Links;
using Hpnna.Devices.Sonar;
using Hpnna.Simulation.Gpio;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Control;
using Hpnna.Robot.Loop;
using Hpnna.Robot.Sensing;

namespace Hpnna.Devices.Tests;

/// <summary>
/// The control tick on the real devices: the ARCOS base against the emulated robot over a pseudo-terminal, and
/// HC-SR04 modules on the simulated GPIO driver. One frame per tick, latched once; nothing allocated.
/// </summary>
[Collection("real time")]
public sealed class ControlTickTests
{
    private static readonly Hcsr04Module[] ThreeModules =
    [
        new("right", 17, 27, 0.10, -0.12, -90),
        new("front", 16, 20, 0.17, 0.00, 0),
        new("left", 23, 24, 0.10, 0.12, 90),
    ];

    [Fact]
    public void A_tick_acts_on_the_one_frame_it_latched_while_the_base_reports_on()
    {
        using var rig = new EmulatedBase();
        var client = rig.Client;
        client.SetVelocity(new DriveCommand(0.3, 0));
        Assert.True(ClientHarness.WaitUntil(client, s => s.Linear > 0.25, TimeSpan.FromSeconds(3)), "the robot did not start moving");

        // The controller holds the tick until the base has sent two more SIPs: the robot has moved on meanwhile.
        var controller = new WaitingController(client, sips: 2);
        var tick = new ControlTick(new ArcosBase(client), controller, 0.05);
        var command = tick.Step(0, 0);

        var latched = controller.AtStart!;
        var atEnd = controller.AtEnd!;
        var now = client.ReadState();
        Assert.True(now.SipCount >= latched.Sample + 2, $"SIP {now.SipCount}, latched from {latched.Sample}");
        Assert.NotEqual(latched.Odometry.Pose.X, now.Pose.X);

        // Everything the tick saw, from the first line of the update to its end and after it, is the one frame.
        Assert.Equal(latched, atEnd);
        Assert.Equal(latched, Snapshot.Of(tick.Frame));
        Assert.True(latched.Ready);
        Assert.Equal(new DriveCommand(0.1, latched.Odometry.Pose.X), command);
        Assert.Equal(command, tick.LastCommand);
    }

    [Fact]
    public void A_tick_on_the_ARCOS_base_allocates_nothing()
    {
        using var rig = new EmulatedBase();
        var client = rig.Client;
        var hardware = new ArcosBase(client);
        var tick = new ControlTick(hardware, Hierarchy(hardware.Layout), 0.05);

        Assert.Equal(0, AllocatedOverTicks(tick, client));
        Assert.True(tick.Frame.BaseReady);
        Assert.All(tick.Frame.Ranges.ToArray(), r => Assert.InRange(r.Age, 0, 1));
    }

    [Fact]
    public void A_tick_on_HC_SR04_modules_reads_their_staggered_pings_and_allocates_nothing()
    {
        using var rig = new EmulatedBase();
        var client = rig.Client;
        using var gpio = new SimulatedSonarGpio(ThreeModules);
        double[] ranges = [0.5, 1.5, 0.8];
        for (var i = 0; i < ranges.Length; i++)
        {
            gpio.SetRange(i, ranges[i]);
        }

        using var array = new Hcsr04Array(new Hcsr04Settings(ThreeModules, PingSchedule.NonAdjacentGroups(3, TimeSpan.FromMilliseconds(30))), new GpioController(gpio), gpio.KernelEdges);
        array.Start();
        var hardware = new ArcosBase(client, array);
        Assert.Equal("hcsr04-3", hardware.Layout.Name);
        var tick = new ControlTick(hardware, Hierarchy(hardware.Layout), 0.05);
        Assert.True(Poll.Until(() => Echoes(tick) == 3, TimeSpan.FromSeconds(3)), "the modules never all answered");

        Assert.Equal(0, AllocatedOverTicks(tick, client));
        var frame = tick.Frame;
        for (var i = 0; i < ranges.Length; i++)
        {
            Assert.True(Math.Abs(frame.Ranges[i].Range - ranges[i]) < 0.01, $"{ThreeModules[i].Name}: {frame.Ranges[i].Range} m for {ranges[i]} m");

            // A module is pinged once per 60 ms cycle at most: its reading ages between pings.
            Assert.InRange(frame.Ranges[i].Age, 0, 0.5);
        }
    }

    [Fact]
    public void An_HC_SR04_module_that_stops_answering_holds_the_robot_stopped_after_a_second()
    {
        using var rig = new EmulatedBase();
        using var gpio = new SimulatedSonarGpio(ThreeModules);
        for (var i = 0; i < ThreeModules.Length; i++)
        {
            gpio.SetRange(i, 1.0);
        }

        using var array = new Hcsr04Array(new Hcsr04Settings(ThreeModules, PingSchedule.NonAdjacentGroups(3, TimeSpan.FromMilliseconds(30))), new GpioController(gpio), gpio.KernelEdges);
        array.Start();
        var tick = new ControlTick(new ArcosBase(rig.Client, array), Hierarchy(array.Layout), 0.05);
        Assert.True(Poll.Until(() => Echoes(tick) == 3, TimeSpan.FromSeconds(3)), "the modules never all answered");

        // The front module's cable comes off: its echo line never rises again. No neighbour is near enough
        // to vouch for a wall (they are 90 degrees away); the module's own silence is the sign.
        gpio.SetSilent(1, true);
        var index = 0L;
        Assert.True(Poll.Until(() => tick.Step(++index, index * 0.05) == DriveCommand.Stop && tick.DeadSonar == 1, TimeSpan.FromSeconds(3)), "the dead module was not noticed");
        Assert.False(tick.Frame.Ranges[1].Answered);
        Assert.True(tick.Holding, "a dead module holds the robot until an operator's RESUME");
    }

    [Theory]
    [InlineData(0.0, "every sonar reads closer than its minimum range")]
    [InlineData(5.0, "no sonar hears anything")]
    public void Every_disc_of_the_base_at_0_mm_or_at_its_maximum_holds_the_robot_until_the_readings_are_plausible(double faultMetres, string reason)
    {
        using var pty = PseudoTerminal.Open();
        using var robot = new EmulatedRobot(pty.Master);
        var fault = double.NaN;
        robot.Emulator.AfterStep = (session, _, _) => Array.Fill(session.SonarFaults, Volatile.Read(ref fault));
        using var client = ClientHarness.Start(() => TermiosSerialLink.Open(pty.SlavePath));
        Assert.True(ClientHarness.WaitUntil(client, s => s.IsCurrent && s.SipCount > 2, TimeSpan.FromSeconds(5)), "no connection");
        var tick = new ControlTick(new ArcosBase(client), Hierarchy(PioneerSonarRing.Front), 0.05);
        var index = 0L;
        DriveCommand Step() => tick.Step(++index, index * 0.05);
        Assert.True(Poll.Until(() => Step() != DriveCommand.Stop, TimeSpan.FromSeconds(3)), "the controller never drove");

        // The base starts reporting the same impossible range on every disc.
        Volatile.Write(ref fault, faultMetres);
        Assert.True(Poll.Until(() => Step() == DriveCommand.Stop && tick.Implausible == reason, TimeSpan.FromSeconds(3)), $"not held: {tick.Implausible}");
        Assert.False(tick.Holding, "no operator's RESUME is needed: plausible readings release it");

        Volatile.Write(ref fault, double.NaN);
        Assert.True(Poll.Until(() => Step() != DriveCommand.Stop && tick.Implausible is null, TimeSpan.FromSeconds(3)), "never released");
    }

    /// <summary>The robot's five-and-five module hierarchy on random codes, fed from <paramref name="layout"/>.</summary>
    private static HpnnaController Hierarchy(SensorLayout layout)
    {
        var random = new Random(7);
        double[] Code(int length) => [.. Enumerable.Range(0, length).Select(_ => random.NextDouble() * 10 - 5)];
        var l1 = InterpreterTopologies.L1();
        var l2 = InterpreterTopologies.L2();
        return HpnnaController.Create(l1, l2, Code(l1.CodeLength), Code(l1.CodeLength), Code(l2.CodeLength), layout, 0.05);
    }

    private static int Echoes(ControlTick tick)
    {
        tick.Step(0, 0);
        var echoes = 0;
        foreach (var r in tick.Frame.Ranges)
        {
            echoes += r.Echo ? 1 : 0;
        }

        return echoes;
    }

    /// <summary>Bytes allocated on this (the control) thread over 2,000 ticks after a warm-up, at about 1 ms a tick so SIPs and pings keep arriving.</summary>
    private static long AllocatedOverTicks(ControlTick tick, ArcosClient client)
    {
        for (var i = 0; i < 200; i++)
        {
            tick.Step(i, i * 0.05);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sips = client.ReadState().SipCount;
        for (var i = 200; i < 2200; i++)
        {
            tick.Step(i, i * 0.05);
            Thread.Sleep(1);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(client.ReadState().SipCount > sips + 5, "no SIPs arrived while the ticks ran");
        return allocated;
    }

    /// <summary>The emulated robot on a pseudo-terminal and a client connected to it over the termios link.</summary>
    private sealed class EmulatedBase : IDisposable
    {
        private readonly PseudoTerminal _pty = PseudoTerminal.Open();
        private readonly EmulatedRobot _robot;

        public EmulatedBase()
        {
            _robot = new EmulatedRobot(_pty.Master);
            Client = ClientHarness.Start(() => TermiosSerialLink.Open(_pty.SlavePath));
            Assert.True(ClientHarness.WaitUntil(Client, s => s.IsCurrent && s.SipCount > 2, TimeSpan.FromSeconds(5)), "no connection");
        }

        public ArcosClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            _robot.Dispose();
            _pty.Dispose();
        }
    }

    private sealed record Snapshot(long Index, double Time, bool Ready, long Sample, Odometry Odometry, string Ranges)
    {
        public static Snapshot Of(SensorFrame frame) =>
            new(frame.Index, frame.Time, frame.BaseReady, frame.BaseSample, frame.Odometry, string.Join(",", frame.Ranges.ToArray()));
    }

    /// <summary>Records the frame at the start of its update, waits for <paramref name="sips"/> more SIPs, records it again; commands from the frame.</summary>
    private sealed class WaitingController(ArcosClient client, int sips) : IController
    {
        public Snapshot? AtStart { get; private set; }

        public Snapshot? AtEnd { get; private set; }

        public string Activity => "waiting";

        public void Reset()
        {
        }

        public DriveCommand Update(SensorFrame frame)
        {
            AtStart = Snapshot.Of(frame);
            Assert.True(Poll.Until(() => client.ReadState().SipCount >= frame.BaseSample + sips, TimeSpan.FromSeconds(2)), "the base stopped reporting");
            AtEnd = Snapshot.Of(frame);
            return new DriveCommand(0.1, frame.Odometry.Pose.X);
        }
    }
}
