using Hpnna.Arcos.Commands;
using Hpnna.Arcos.Packets;
using Hpnna.Robot.Sensing;
using Hpnna.Simulation.Arcos;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Devices.Tests;

/// <summary>
/// The emulator's robot side fed the packets ARIA sends at connection, at explicit times (no link, no clock):
/// the rear sonar ring as the firmware fires it, SETA and SETRA, BATTERYINFO.
/// </summary>
public sealed class EmulatorSessionTests
{
    private readonly byte[] _command = new byte[64];
    private readonly List<byte[]> _received = [];
    private readonly SimulatedRobot _robot = new(EmulatedRobot.Room(), PioneerModel.P3Dx, PioneerSonarRing.Front, SonarNoise.None, 0, seed: 1);
    private readonly ArcosRobotSession _session;

    public EmulatorSessionTests()
    {
        _session = new ArcosRobotSession(_robot, new EmulatorSettings());
        _session.Output = packet => _received.Add(packet.ToArray());
        Send(0, SyncNumber.Sync0);
        Send(0, SyncNumber.Sync1);
        Send(0, SyncNumber.Sync2);
        Send(0, CommandNumber.Open);
        _received.Clear();
    }

    [Fact]
    public void The_rear_ring_fires_one_disc_every_40_ms_and_each_sip_carries_the_discs_fired_since_the_last()
    {
        var rear = new List<List<byte>>();
        for (var sip = 0; sip < 9; sip++)
        {
            _received.Clear();
            _session.Update(sip * 0.1 + 0.001);
            var sonars = new SipSonar[32];
            Assert.True(StandardSip.TryParse(_received.Single(p => PacketType.IsStandardSip(p[3])), sonars, out var parsed));
            var discs = sonars[..parsed.SonarCount].Select(s => s.Number).ToList();
            Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], discs.Take(8));
            rear.Add(discs.Skip(8).ToList());
        }

        // Fired at 0, 40, 80, ... ms: 1 disc in the first SIP (1 ms after OPEN), then 2 or 3 a SIP, 8 to 15 in turn.
        Assert.Equal([1, 2, 3, 2, 3, 2, 3, 2, 3], rear.Select(r => r.Count));
        Assert.Equal(Enumerable.Range(0, 21).Select(k => (byte)(8 + k % 8)), rear.SelectMany(r => r));
    }

    [Fact]
    public void The_rear_discs_read_the_walls_behind()
    {
        _session.Update(0);
        _received.Clear();
        _session.Update(0.4);   // 40 ms a disc: every rear disc has fired since the SIP at 0
        var sonars = new SipSonar[32];
        Assert.True(StandardSip.TryParse(_received.Single(p => PacketType.IsStandardSip(p[3])), sonars, out var parsed));

        var model = new SonarModel(PioneerSonarRing.Rear.Sensors, SonarNoise.None);
        for (var k = 8; k < parsed.SonarCount; k++)
        {
            var disc = sonars[k].Number - 8;
            var expected = model.Scan(disc, _robot.World.Walls, _robot.Pose, new Random(0));
            Assert.Equal(Math.Round(expected.Range * 1000), sonars[k].Range);
        }

        // The robot faces +x in the middle of a 10 m room: disc 11 (-170 degrees) sees the west wall about 4.75 m away.
        Assert.InRange(sonars[8..parsed.SonarCount].Single(s => s.Number == 11).Range, 4700, 4800);
    }

    [Fact]
    public void SETA_and_SETRA_set_the_acceleration_and_deceleration_within_the_tops_and_CLOSE_reverts_them()
    {
        Send(0, CommandNumber.SetAcceleration, 200);
        Send(0, CommandNumber.SetAcceleration, -300);
        Send(0, CommandNumber.SetRotationalAcceleration, 50);
        Send(0, CommandNumber.SetRotationalAcceleration, -5000);

        Assert.Equal(new AccelerationLimits(0.2, 0.3, 50 * Math.PI / 180, PioneerModel.P3Dx.AngularAcceleration), _robot.Acceleration);
        _received.Clear();
        Send(0, CommandNumber.Config);
        Assert.True(ConfigPacket.TryParse(_received.Single(), out var config));
        Assert.Equal(((ushort)200, (ushort)300, (ushort)50, (ushort)100), (config!.TransAccel, config.TransDecel, config.RotAccel, config.RotDecel));

        Send(0, CommandNumber.Close);
        Assert.Equal(AccelerationLimits.Of(PioneerModel.P3Dx), _robot.Acceleration);
    }

    [Fact]
    public void BATTERYINFO_answers_once_or_with_every_SIP_until_told_to_stop()
    {
        Send(0, CommandNumber.BatteryTest, 120);
        Send(0, CommandNumber.BatteryInfo, 1);
        Assert.True(BatteryInfoPacket.TryParse(_received.Single(), out var battery));
        Assert.Equal(new BatteryInfoPacket(50, 50), battery); // 12.0 V, halfway from the 11.0 V alarm to 13.0 V

        _received.Clear();
        _session.Update(0);
        Assert.DoesNotContain(_received, p => p[3] == PacketType.BatteryInfo);

        Send(0, CommandNumber.BatteryInfo, 2);
        _received.Clear();
        _session.Update(0.1);
        _session.Update(0.2);
        Assert.Equal(2, _received.Count(p => p[3] == PacketType.BatteryInfo));

        Send(0.2, CommandNumber.BatteryInfo, 0);
        _received.Clear();
        _session.Update(0.35);
        Assert.Contains(_received, p => PacketType.IsStandardSip(p[3]));
        Assert.DoesNotContain(_received, p => p[3] == PacketType.BatteryInfo);
    }

    private void Send(double now, byte sync) => _session.Receive(_command.AsSpan(0, CommandPackets.Write(_command, sync)), now);

    private void Send(double now, CommandNumber command) => _session.Receive(_command.AsSpan(0, CommandPackets.Write(_command, command)), now);

    private void Send(double now, CommandNumber command, int value) => _session.Receive(_command.AsSpan(0, CommandPackets.Write(_command, command, value)), now);
}
