using System.Diagnostics;
using Hpnna.Arcos.Commands;
using Hpnna.Arcos.Framing;
using Hpnna.Devices.Arcos;
using Hpnna.Devices.Links;
using Hpnna.Robot.Contracts;

namespace Hpnna.Devices.Tests;

/// <summary>The watchdog, a link pulled away mid-run, and reconnection without stale commands.</summary>
[Collection("real time")]
public sealed class LinkFaultTests
{
    [Fact]
    public void Emulator_watchdog_stops_a_silent_client_within_2_s_and_traffic_resumes_it()
    {
        using var pty = PseudoTerminal.Open();
        using var robot = new EmulatedRobot(pty.Master);
        using var link = TermiosSerialLink.Open(pty.SlavePath);
        var packet = new byte[PacketLayout.MaximumLength];
        void Send(int length) => link.Write(packet.AsSpan(0, length));

        foreach (var sync in new byte[] { 0, 1, 2 })
        {
            Send(CommandPackets.Write(packet, sync));
            Thread.Sleep(150);
        }

        Send(CommandPackets.Write(packet, CommandNumber.Open));
        Send(CommandPackets.Write(packet, CommandNumber.Enable, 1));
        Send(CommandPackets.Write(packet, CommandNumber.Velocity, 300));
        var silent = Stopwatch.StartNew();
        Assert.True(robot.WaitUntil(s => s.Odometry.Linear > 0.29, TimeSpan.FromSeconds(3)), "VEL 300 did not move the robot");

        // From the last packet on, silence: the watchdog must trip at 2 s and the robot then decelerate to rest.
        Assert.True(robot.WaitUntil(s => s.WatchdogTripped, TimeSpan.FromSeconds(3)));
        Assert.InRange(silent.Elapsed.TotalSeconds, 1.9, 3.0);
        Assert.True(robot.WaitUntil(s => s.Odometry.Linear == 0, TimeSpan.FromSeconds(1.5)), "the robot kept moving after the watchdog");
        Assert.Equal(1, robot.Status.WatchdogTrips);

        // Any valid packet resumes the last setpoint, as real firmware does; a client that just carries on
        // sending its old setpoint instead of reconnecting is what the rig counts as stale motion.
        Assert.Equal(0, robot.Status.StaleMotionCommands);
        Send(CommandPackets.Write(packet, CommandNumber.Velocity, 300));
        Assert.True(robot.WaitUntil(s => !s.WatchdogTripped && s.Odometry.Linear > 0.2, TimeSpan.FromSeconds(2)), "traffic did not resume motion");
        Assert.Equal(1, robot.Status.StaleMotionCommands);
    }

    [Fact]
    public void Pulling_the_pty_away_mid_run_is_detected_and_neither_termios_nor_SerialPort_hangs()
    {
        foreach (var transport in new[] { "termios", "SerialPort" })
        {
            var pty = PseudoTerminal.Open();
            var robot = new EmulatedRobot(pty.Master);
            var client = ClientHarness.Start(() => transport == "termios" ? TermiosSerialLink.Open(pty.SlavePath) : SerialPortLink.Open(pty.SlavePath));
            var lost = new ManualResetEventSlim();
            client.LinkChanged += (state, _) =>
            {
                if (state == LinkState.Lost)
                {
                    lost.Set();
                }
            };
            Assert.True(ClientHarness.WaitUntil(client, s => s.Link == LinkState.Connected && s.MotorsEnabled, TimeSpan.FromSeconds(5)), $"{transport}: no connection");
            client.SetVelocity(new DriveCommand(0.2, 0));
            Thread.Sleep(300);

            // The adapter vanishes: both ends of the pair are gone.
            robot.Dispose();
            pty.Dispose();
            var pulled = Stopwatch.StartNew();
            Assert.True(lost.Wait(TimeSpan.FromSeconds(3)), $"{transport}: link loss not reported");
            Assert.True(pulled.Elapsed < TimeSpan.FromSeconds(3), $"{transport}: loss took {pulled.Elapsed.TotalMilliseconds} ms to notice");

            // Reconnection attempts fail cleanly (the port is gone), and shutting down does not hang.
            Thread.Sleep(300);
            Assert.NotEqual(LinkState.Connected, client.ReadState().Link);
            var dispose = Stopwatch.StartNew();
            client.Dispose();
            Assert.True(dispose.Elapsed < TimeSpan.FromSeconds(3), $"{transport}: Dispose took {dispose.Elapsed.TotalMilliseconds} ms");
            Assert.Equal(LinkState.Closed, client.ReadState().Link);
        }
    }

    [Fact]
    public void After_a_link_loss_the_client_reconnects_and_sends_no_motion_from_before_the_loss()
    {
        var port = Path.Combine(Path.GetTempPath(), $"hpnna-robot-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var pty = PseudoTerminal.Open(port);
        var robot = new EmulatedRobot(pty.Master);
        using var client = ClientHarness.Start(() => TermiosSerialLink.Open(port));
        Assert.True(ClientHarness.WaitUntil(client, s => s.Link == LinkState.Connected && s.MotorsEnabled, TimeSpan.FromSeconds(5)));
        client.SetVelocity(new DriveCommand(0.3, 0.2));
        Assert.True(robot.WaitUntil(s => s.Odometry.Linear > 0.25, TimeSpan.FromSeconds(3)));

        robot.Dispose();
        pty.Dispose();
        Assert.True(ClientHarness.WaitUntil(client, s => s.Link == LinkState.Lost, TimeSpan.FromSeconds(3)));
        Assert.Equal(1, client.ReadState().LinkLosses);

        // A fresh robot appears on the same port name; the controller's last setpoint predates the loss.
        using var pty2 = PseudoTerminal.Open(port);
        using var robot2 = new EmulatedRobot(pty2.Master);
        Assert.True(ClientHarness.WaitUntil(client, s => s.Link == LinkState.Connected && s.MotorsEnabled, TimeSpan.FromSeconds(5)), "no reconnection");
        Thread.Sleep(1000);
        Assert.Equal(0, robot2.Status.MotionCommands);
        Assert.Equal(0, robot2.Status.Odometry.Linear);
        Assert.Equal(0, robot2.Status.WatchdogTrips);

        // A new setpoint after the reconnection moves it.
        client.SetVelocity(new DriveCommand(0.3, 0));
        Assert.True(robot2.WaitUntil(s => s.Odometry.Linear > 0.25, TimeSpan.FromSeconds(3)), "a new setpoint did not move the robot");
        Assert.Equal(0, robot2.Status.StaleMotionCommands);
    }

    [Fact]
    public void Emergency_stop_halts_the_robot_and_a_later_setpoint_moves_it_again()
    {
        using var pty = PseudoTerminal.Open();
        using var robot = new EmulatedRobot(pty.Master);
        using var client = ClientHarness.Start(() => TermiosSerialLink.Open(pty.SlavePath));
        Assert.True(ClientHarness.WaitUntil(client, s => s.Link == LinkState.Connected && s.MotorsEnabled, TimeSpan.FromSeconds(5)));
        client.SetVelocity(new DriveCommand(0.4, 0));
        Assert.True(robot.WaitUntil(s => s.Odometry.Linear > 0.35, TimeSpan.FromSeconds(3)));
        client.EmergencyStop();
        Assert.True(robot.WaitUntil(s => s.Odometry.Linear == 0, TimeSpan.FromSeconds(2)));
        client.SetVelocity(new DriveCommand(0.2, 0));
        Assert.True(robot.WaitUntil(s => s.Odometry.Linear > 0.15, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void A_gap_in_the_SIPs_makes_the_base_not_ready_before_the_link_is_declared_lost()
    {
        using var pty = PseudoTerminal.Open();
        var robot = new EmulatedRobot(pty.Master);
        using var client = ClientHarness.Start(() => TermiosSerialLink.Open(pty.SlavePath), sipTimeout: TimeSpan.FromSeconds(5));
        var hardware = new ArcosBase(client);
        var frame = new SensorFrame(hardware.Layout);
        bool Ready()
        {
            hardware.Read(frame);
            return frame.BaseReady;
        }

        Assert.True(Poll.Until(Ready, TimeSpan.FromSeconds(5)), "no connection");

        // The robot falls silent, the line stays: the state goes stale at 350 ms, long before the 5 s loss.
        robot.Dispose();
        var silent = Stopwatch.StartNew();
        Assert.True(Poll.Until(() => !Ready(), TimeSpan.FromSeconds(5)), "the base stayed ready without SIPs");
        Assert.Equal(LinkState.Connected, client.ReadState().Link);
        Assert.True(silent.Elapsed >= client.Options.StaleAfter - TimeSpan.FromMilliseconds(120), $"stale after only {silent.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void A_controller_that_falls_silent_has_its_robot_stopped_and_the_next_setpoint_moves_it_again()
    {
        using var pty = PseudoTerminal.Open();
        using var robot = new EmulatedRobot(pty.Master);
        using var client = new ArcosClient(new ArcosClientOptions
        {
            OpenLink = () => TermiosSerialLink.Open(pty.SlavePath),
            SetpointTimeout = TimeSpan.FromSeconds(1),
        });
        client.Start();
        Assert.True(ClientHarness.WaitUntil(client, s => s.Link == LinkState.Connected && s.MotorsEnabled, TimeSpan.FromSeconds(5)));

        // One setpoint, then silence (a stuck control thread): the keep-alive must not carry it on for ever.
        client.SetVelocity(new DriveCommand(0.3, 0));
        Assert.True(robot.WaitUntil(s => s.Odometry.Linear > 0.05, TimeSpan.FromSeconds(3)), "the setpoint did not move the robot");
        Assert.True(robot.WaitUntil(s => s.Odometry.Linear == 0, TimeSpan.FromSeconds(5)), "the robot kept moving without setpoints");
        Assert.Equal(0, robot.Status.WatchdogTrips); // the client stopped it; the firmware did not have to

        // A controller that speaks again, as the loop does every tick, moves it again.
        Assert.True(Poll.Until(() =>
        {
            client.SetVelocity(new DriveCommand(0.2, 0));
            return robot.Status.Odometry.Linear > 0.05;
        }, TimeSpan.FromSeconds(3)), "new setpoints did not move it again");
    }
}
