using Hpnna.Devices.Arcos;
using Hpnna.Devices.Links;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;
using Hpnna.Simulation.Arcos;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Devices.Tests;

/// <summary>The ARCOS client against the project's robot emulator over real links: a pseudo-terminal pair and TCP.</summary>
[Collection("real time")]
public sealed class ArcosClientTests
{
    [Fact]
    public void Over_a_pty_with_SerialPort_it_connects_drives_a_square_reads_odometry_and_closes()
    {
        using var pty = PseudoTerminal.Open();
        using var robot = new EmulatedRobot(pty.Master);
        var client = ClientHarness.Start(() => SerialPortLink.Open(pty.SlavePath));
        try
        {
            Assert.True(ClientHarness.WaitUntil(client, s => s.Link == LinkState.Connected && s.MotorsEnabled && s.SipCount > 0, TimeSpan.FromSeconds(5)), "no connection");
            var state = client.ReadState();
            Assert.Equal(("HpnnaEmulator", "Pioneer", "p3dx-sh"), (state.Identity!.Name, state.Identity.Class, state.Identity.Subclass));
            Assert.Equal(13.0, state.Battery, 3);

            for (var side = 0; side < 4; side++)
            {
                ClientHarness.DriveStraight(client, 0.5, 0.5);
                ClientHarness.TurnLeft(client, Math.PI / 2, 1.5);
            }

            // The client's odometry agrees with the emulator's, and the square closed on its start.
            Thread.Sleep(300);
            var odometry = client.ReadState().Pose;
            var truth = robot.Status.Odometry.Pose;
            Assert.True(odometry.DistanceTo(truth) < 0.01, $"client {odometry} vs robot {truth}");
            Assert.True(Math.Abs(Pose2D.WrapAngle(odometry.Heading - truth.Heading)) < 0.01);
            Assert.True(odometry.DistanceTo(new Pose2D(0, 0, 0)) < 0.1, $"square ended at {odometry}");
            Assert.True(robot.Status.TruePose.DistanceTo(new Pose2D(0, 0, 0)) < 0.1);
        }
        finally
        {
            client.Dispose();
        }

        Assert.True(robot.WaitUntil(s => !s.Open && !s.MotorsEnabled, TimeSpan.FromSeconds(2)), "the client did not disable the motors and close");
        Assert.Equal(0, robot.Status.WatchdogTrips);
        Assert.Equal(0, robot.Status.ChecksumErrors);
    }

    [Fact]
    public void Over_a_pty_with_the_termios_link_it_drives_reads_the_base_sonar_ring_and_closes()
    {
        using var pty = PseudoTerminal.Open();
        using var robot = new EmulatedRobot(pty.Master);
        var client = ClientHarness.Start(() => TermiosSerialLink.Open(pty.SlavePath));
        Assert.True(ClientHarness.WaitUntil(client, s => s.Link == LinkState.Connected && s.SipCount > 2, TimeSpan.FromSeconds(5)));

        // The front disc (s3, +10 degrees) sees the east wall 5 m away, less the robot's nose.
        var hardware = new ArcosBase(client);
        var frame = new SensorFrame(hardware.Layout);
        hardware.Read(frame);
        var readings = frame.Ranges.ToArray();
        var expected = new SonarReading[readings.Length];
        robot.Robot.SonarReadings.CopyTo(expected);
        for (var i = 0; i < readings.Length; i++)
        {
            Assert.Equal(expected[i].Echo, readings[i].Echo);
            Assert.Equal(expected[i].Range, readings[i].Range, 3);
        }

        ClientHarness.DriveStraight(client, 1.0, 0.5);
        Assert.InRange(robot.Status.TruePose.X, 0.98, 1.08);
        Assert.True(Math.Abs(robot.Status.Odometry.Pose.X - ReadFrame(new ArcosBase(client)).Odometry.Pose.X) < 0.002, "odometry read back differs by more than the SIP's position unit");

        // The last packets written before the descriptor closes (ENABLE 0, CLOSE) still reach the robot.
        client.Dispose();
        Assert.True(robot.WaitUntil(s => !s.Open && !s.MotorsEnabled, TimeSpan.FromSeconds(2)), "the robot never got the client's CLOSE");
    }

    [Fact]
    public void The_client_reads_all_16_discs_of_the_emulated_ring_front_and_rear()
    {
        using var pty = PseudoTerminal.Open();
        using var robot = new EmulatedRobot(pty.Master);
        var client = ClientHarness.Start(() => TermiosSerialLink.Open(pty.SlavePath));
        try
        {
            // The rear bank fires one disc every 40 ms: all eight within a third of a second.
            Assert.True(ClientHarness.WaitUntil(client, s => s.SonarStamps.Take(16).All(stamp => stamp != 0), TimeSpan.FromSeconds(5)), "not every disc reported");
            var state = client.ReadState();
            var front = new SonarReading[8];
            robot.Robot.SonarReadings.CopyTo(front);
            var rear = new SonarModel(PioneerSonarRing.Rear.Sensors, SonarNoise.None);
            for (var disc = 0; disc < 16; disc++)
            {
                var expected = disc < 8 ? front[disc].Range : rear.Scan(disc - 8, robot.Robot.World.Walls, robot.Robot.Pose, new Random(0)).Range;
                Assert.Equal(expected, state.SonarRanges[disc], 0.001);
            }

            Assert.True(double.IsNaN(state.SonarRanges[16]), "a disc the robot does not have");
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>Over TCP, for both P3-DX firmwares: positions in mm (p3dx-sh) or in 0.485 mm units (p3dx).</summary>
    [Theory]
    [InlineData("p3dx-sh")]
    [InlineData("p3dx")]
    public void Over_tcp_it_connects_to_a_listening_simulator_and_drives(string subclass)
    {
        using var bench = OverTcp.Start(new EmulatorSettings(Subclass: subclass, BaudRate: 0));
        var (client, robot) = (bench.Client, bench.Robot);

        Assert.True(ClientHarness.WaitUntil(client, s => s.Link == LinkState.Connected && s.MotorsEnabled, TimeSpan.FromSeconds(5)));
        Assert.Equal(subclass, client.ReadState().Identity!.Subclass);
        ClientHarness.DriveStraight(client, 0.5, 0.5);
        Assert.InRange(client.ReadState().Pose.X, 0.48, 0.58);
        Assert.InRange(robot.Status.TruePose.X, 0.48, 0.58);
        Assert.True(Math.Abs(robot.Status.Odometry.Pose.X - client.ReadState().Pose.X) < 0.002, "odometry read back differs by more than the SIP's position unit");
    }

    /// <summary>
    /// ARCOS firmware reports X and Y in 15 bits: a robot that backs across x = 0 reports 0x7fff and below. Read as a
    /// 16-bit step that was a 32.7 m jump; taken modulo 0x8000 it is the few millimetres it moved, at either width.
    /// </summary>
    [Theory]
    [InlineData(15)]
    [InlineData(16)]
    public void Odometry_follows_the_robot_across_zero_whether_positions_wrap_at_15_or_16_bits(int bits)
    {
        using var bench = OverTcp.Start(new EmulatorSettings(BaudRate: 0, PositionBits: bits));
        var (client, robot) = (bench.Client, bench.Robot);

        Assert.True(ClientHarness.WaitUntil(client, s => s.Link == LinkState.Connected && s.MotorsEnabled, TimeSpan.FromSeconds(5)));
        ClientHarness.TurnLeft(client, Math.PI, 1.5);
        ClientHarness.DriveStraight(client, 0.3, 0.3);
        Thread.Sleep(300);

        var odometry = client.ReadState().Pose;
        var truth = robot.Status.Odometry.Pose;
        Assert.InRange(truth.X, -0.4, -0.25);
        Assert.True(odometry.DistanceTo(truth) < 0.01, $"client {odometry} vs robot {truth}");
    }

    [Fact]
    public void On_a_serial_robot_that_allows_it_the_client_switches_to_38400_baud_and_carries_on()
    {
        using var pty = PseudoTerminal.Open();
        using var robot = new EmulatedRobot(pty.Master, new EmulatorSettings(AllowBaudSwitch: true));
        TermiosSerialLink? link = null;
        using var client = new ArcosClient(new ArcosClientOptions
        {
            OpenLink = () => link = TermiosSerialLink.Open(pty.SlavePath),
            SwitchBaudRate = 38400,
        });
        client.Start();
        Assert.True(ClientHarness.WaitUntil(client, s => s.Link == LinkState.Connected && s.MotorsEnabled, TimeSpan.FromSeconds(5)));
        Assert.Equal(38400, robot.Status.BaudRate);
        Assert.Equal(38400, link!.BaudRate);
        ClientHarness.DriveStraight(client, 0.3, 0.3);
        Assert.Equal((1, 0), (robot.Status.Sessions, client.ReadState().LinkLosses));
    }

    [Fact]
    public void A_healthy_client_never_lets_the_watchdog_fire()
    {
        using var pty = PseudoTerminal.Open();
        using var robot = new EmulatedRobot(pty.Master, new EmulatorSettings(Watchdog: ArcosClientOptions.LongestSafeWatchdog));
        using var client = ClientHarness.Start(() => TermiosSerialLink.Open(pty.SlavePath));
        Assert.True(ClientHarness.WaitUntil(client, s => s.Link == LinkState.Connected && s.MotorsEnabled, TimeSpan.FromSeconds(5)));

        // The same slow setpoint, written once: only the keep-alive repeats it (VEL and RVEL every 200 ms), so
        // 41 motion commands span more than 4 s, eight times the 500 ms watchdog of a deployed robot.
        client.SetVelocity(new DriveCommand(0.05, 0));
        Assert.True(robot.WaitUntil(s => s.MotionCommands >= 41, TimeSpan.FromSeconds(15)), $"{robot.Status.MotionCommands} motion commands");
        Assert.Equal(0, robot.Status.WatchdogTrips);
        Assert.True(robot.Status.Odometry.Linear > 0.04);
    }

    [Theory]
    [InlineData(2000, "Warning: The robot's watchdog is 2000 ms: after a link loss it drives on blind that long before it stops.")]
    [InlineData(150, "Error: The robot's watchdog is 150 ms, no longer than the keep-alive (200 ms)")]
    [InlineData(500, null)]
    public void A_robot_watchdog_that_drives_blind_too_long_or_trips_between_packets_is_logged_at_connection(int watchdogMilliseconds, string? expected)
    {
        using var pty = PseudoTerminal.Open();
        using var robot = new EmulatedRobot(pty.Master, new EmulatorSettings(Watchdog: TimeSpan.FromMilliseconds(watchdogMilliseconds)));
        var log = new LineLogger();
        using var client = new ArcosClient(new ArcosClientOptions { OpenLink = () => TermiosSerialLink.Open(pty.SlavePath) }, log);
        client.Start();

        Assert.True(ClientHarness.WaitUntil(client, s => s.Link == LinkState.Connected, TimeSpan.FromSeconds(5)), "no connection");
        var about = log.Lines.Where(l => l.Contains("watchdog is", StringComparison.Ordinal)).ToList();
        if (expected is null)
        {
            Assert.Empty(about);
        }
        else
        {
            Assert.Single(about, l => l.StartsWith(expected, StringComparison.Ordinal));
        }
    }

    private static SensorFrame ReadFrame(ArcosBase hardware)
    {
        var frame = new SensorFrame(hardware.Layout);
        hardware.Read(frame);
        return frame;
    }

    /// <summary>A client connected over loopback TCP to an emulated robot served on the accepted socket.</summary>
    private sealed record OverTcp(ArcosClient Client, EmulatedRobot Robot) : IDisposable
    {
        public static OverTcp Start(EmulatorSettings settings)
        {
            var listener = TcpLink.Listen(0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            var client = ClientHarness.Start(() => TcpLink.Connect("127.0.0.1", port, TimeSpan.FromSeconds(2)));
            listener.Server.ReceiveTimeout = 5000;
            var accepted = listener.AcceptSocket();
            listener.Stop();
            return new(client, new EmulatedRobot(new TcpLink(accepted), settings));
        }

        public void Dispose()
        {
            Client.Dispose();
            Robot.Dispose();
        }
    }
}
