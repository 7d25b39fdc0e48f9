using Hpnna.Arcos.Commands;
using Hpnna.Arcos.Framing;
using Hpnna.Arcos.Packets;

namespace Hpnna.Arcos.Tests;

/// <summary>Every byte example in shared/spec/arcos.md, encoded here and compared byte for byte.</summary>
public sealed class SpecExampleTests
{
    private readonly byte[] _buffer = new byte[PacketLayout.MaximumLength];

    [Theory]
    [InlineData(0, "FA FB 03 00 00 00")]
    [InlineData(1, "FA FB 03 01 00 01")]
    [InlineData(2, "FA FB 03 02 00 02")]
    public void Sync_packets(byte number, string expected) =>
        Assert.Equal(expected, Hex.Of(_buffer.AsSpan(0, CommandPackets.Write(_buffer, number))));

    [Theory]
    [InlineData(CommandNumber.Velocity, 200, "FA FB 06 0B 3B C8 00 D3 3B")]
    [InlineData(CommandNumber.Velocity, -200, "FA FB 06 0B 1B C8 00 D3 1B")]
    [InlineData(CommandNumber.Open, 1, "FA FB 06 01 3B 01 00 02 3B")]
    [InlineData(CommandNumber.Close, 1, "FA FB 06 02 3B 01 00 03 3B")]
    [InlineData(CommandNumber.Enable, 1, "FA FB 06 04 3B 01 00 05 3B")]
    [InlineData(CommandNumber.Enable, 0, "FA FB 06 04 3B 00 00 04 3B")]
    [InlineData(CommandNumber.RotationalVelocity, 30, "FA FB 06 15 3B 1E 00 33 3B")]
    [InlineData(CommandNumber.RotationalVelocity, -30, "FA FB 06 15 1B 1E 00 33 1B")]
    [InlineData(CommandNumber.Velocity, 0, "FA FB 06 0B 3B 00 00 0B 3B")]
    [InlineData(CommandNumber.RotationalVelocity, 0, "FA FB 06 15 3B 00 00 15 3B")]
    [InlineData(CommandNumber.SetMaxVelocity, 500, "FA FB 06 06 3B F4 01 FA 3C")]
    [InlineData(CommandNumber.SetAcceleration, 300, "FA FB 06 05 3B 2C 01 31 3C")]
    [InlineData(CommandNumber.SetAcceleration, -300, "FA FB 06 05 1B 2C 01 31 1C")]
    [InlineData(CommandNumber.SetMaxRotationalVelocity, 100, "FA FB 06 0A 3B 64 00 6E 3B")]
    [InlineData(CommandNumber.Heading, 90, "FA FB 06 0C 3B 5A 00 66 3B")]
    [InlineData(CommandNumber.Sonar, 1, "FA FB 06 1C 3B 01 00 1D 3B")]
    [InlineData(CommandNumber.Sonar, 0, "FA FB 06 1C 3B 00 00 1C 3B")]
    [InlineData(CommandNumber.Config, 1, "FA FB 06 12 3B 01 00 13 3B")]
    [InlineData(CommandNumber.Encoder, 2, "FA FB 06 13 3B 02 00 15 3B")]
    [InlineData(CommandNumber.IoRequest, 2, "FA FB 06 28 3B 02 00 2A 3B")]
    [InlineData(CommandNumber.Velocity, 250, "FA FB 06 0B 3B FA 00 05 3B")]
    [InlineData(CommandNumber.RotationalVelocity, 10, "FA FB 06 15 3B 0A 00 1F 3B")]
    [InlineData(CommandNumber.BatteryInfo, 1, "FA FB 06 3E 3B 01 00 3F 3B")]
    public void Integer_commands(CommandNumber command, int argument, string expected) =>
        Assert.Equal(expected, Hex.Of(_buffer.AsSpan(0, CommandPackets.Write(_buffer, command, argument))));

    [Theory]
    [InlineData(CommandNumber.Open, "FA FB 03 01 00 01")]
    [InlineData(CommandNumber.Close, "FA FB 03 02 00 02")]
    [InlineData(CommandNumber.Pulse, "FA FB 03 00 00 00")]
    [InlineData(CommandNumber.Stop, "FA FB 03 1D 00 1D")]
    [InlineData(CommandNumber.EmergencyStop, "FA FB 03 37 00 37")]
    [InlineData(CommandNumber.ResetOdometry, "FA FB 03 07 00 07")]
    public void Commands_without_argument(CommandNumber command, string expected) =>
        Assert.Equal(expected, Hex.Of(_buffer.AsSpan(0, CommandPackets.Write(_buffer, command))));

    [Fact]
    public void Vel2_left_minus_10_right_plus_10_overflows_the_checksum()
    {
        var length = CommandPackets.WriteWheelVelocities(_buffer, -10, 10);
        Assert.Equal("FA FB 06 20 1B F6 09 16 24", Hex.Of(_buffer.AsSpan(0, length)));
    }

    [Fact]
    public void Vel2_left_plus_10_right_minus_10()
    {
        var length = CommandPackets.WriteWheelVelocities(_buffer, 10, -10);
        Assert.Equal("FA FB 06 20 3B F6 0A 16 45", Hex.Of(_buffer.AsSpan(0, length)));
    }

    [Theory]
    [InlineData(-10, 10)]
    [InlineData(10, -10)]
    [InlineData(-128, 127)]
    [InlineData(0, -1)]
    public void The_robot_side_rebuilds_both_wheel_bytes_from_sign_and_magnitude(sbyte left, sbyte right)
    {
        var length = CommandPackets.WriteWheelVelocities(_buffer, left, right);
        Assert.True(ClientCommand.TryParse(_buffer.AsSpan(0, length), out var command, out _));
        Assert.Equal(CommandNumber.WheelVelocities, command.Command);
        Assert.Equal((left, right), command.TwoBytes);
    }

    [Fact]
    public void Sync2_reply_from_AMRISim()
    {
        var expected = "FA FB 1B 02 41 4D 52 49 53 69 6D 00 50 69 6F 6E 65 65 72 00 70 33 64 78 2D 73 68 00 5F 52";
        var reply = new SyncReply("AMRISim", "Pioneer", "p3dx-sh");
        Assert.Equal(expected, Hex.Of(_buffer.AsSpan(0, reply.Write(_buffer))));
        Assert.True(SyncReply.TryParse(Hex.Parse(expected), out var parsed));
        Assert.Equal(reply, parsed);
    }

    [Fact]
    public void Sync2_reply_for_the_p3dx_model_ends_as_observed()
    {
        var length = new SyncReply("AMRISim", "Pioneer", "p3dx").Write(_buffer);
        var text = Hex.Of(_buffer.AsSpan(0, length));
        Assert.StartsWith("FA FB 18 02", text);
        Assert.EndsWith("70 33 64 78 00 EB BD", text);
    }

    /// <summary>The first SIP AMRISim sent after OPEN (89 bytes), from the spec.</summary>
    internal const string AmrisimSip =
        "FA FB 56 32 00 00 00 00 00 00 00 00 00 00 82 00 00 00 00 1F 00 00 10 00 88 13 01 88 13 02 88 13 03 88 13 " +
        "04 88 13 05 88 13 06 88 13 07 88 13 08 88 13 09 88 13 0A 88 13 0B 88 13 0C 88 13 0D 88 13 0E 88 13 0F 88 13 " +
        "00 00 00 FF FF 82 00 00 00 00 00 00 00 00 81 00 E8 2B";

    [Fact]
    public void The_89_byte_SIP_parses_field_by_field()
    {
        var packet = Hex.Parse(AmrisimSip);
        Assert.Equal(89, packet.Length);
        Assert.True(ArcosChecksum.Verify(packet));
        var sonars = new SipSonar[32];
        Assert.True(StandardSip.TryParse(packet, sonars, out var sip));

        Assert.False(sip.Moving);
        Assert.Equal((0, 0, 0), ((int)sip.X, (int)sip.Y, (int)sip.Theta));
        Assert.Equal(130, sip.Battery);
        Assert.Equal(0x001F, sip.Flags);
        Assert.True(sip.MotorsEnabled);
        Assert.Equal(16, sip.SonarCount);
        for (var k = 0; k < 16; k++)
        {
            Assert.Equal(new SipSonar((byte)k, 5000), sonars[k]);
        }

        Assert.Equal(0xFF, sip.DigitalIn);
        Assert.Equal(0xFF, sip.DigitalOut);
        Assert.Equal((ushort)130, sip.BatteryTenths);
        Assert.Equal((sbyte)0, sip.ChargeState);
        Assert.Equal((short)0, sip.RotationalVelocity);
        Assert.Equal((ushort)0, sip.FaultFlags);
        Assert.Equal((short)0, sip.LateralVelocity);
        Assert.Equal((sbyte)-127, sip.Temperature);
        Assert.Equal((byte)0, sip.StateOfCharge);
    }

    [Fact]
    public void The_89_byte_SIP_is_written_back_byte_for_byte()
    {
        var packet = Hex.Parse(AmrisimSip);
        var sonars = new SipSonar[32];
        Assert.True(StandardSip.TryParse(packet, sonars, out var sip));
        var length = sip.Write(_buffer, sonars.AsSpan(0, sip.SonarCount));
        Assert.Equal(AmrisimSip, Hex.Of(_buffer.AsSpan(0, length)));
    }

    [Fact]
    public void The_moving_SIP_after_VEL_200_reads_position_and_wheel_speeds()
    {
        // "… 32 DF 00 00 00 00 00 C8 00 C8 00 82 …" from the spec, completed as a short old-firmware SIP.
        var builder = new PacketBuilder(_buffer, PacketType.SipStopped);
        builder.Bytes(Hex.Parse("DF 00 00 00 00 00 C8 00 C8 00 82 00 00 00 00 1F 00 00 00"));
        builder.Bytes(Hex.Parse("00 00 00 00 00"));
        var length = builder.Finish();
        Assert.True(StandardSip.TryParse(_buffer.AsSpan(0, length), [], out var sip));
        Assert.Equal(223, sip.X);
        Assert.Equal((200, 200), ((int)sip.LeftVelocity, (int)sip.RightVelocity));
        Assert.Null(sip.BatteryTenths);
        Assert.Null(sip.RotationalVelocity);
    }
}
