using Hpnna.Arcos.Commands;
using Hpnna.Arcos.Framing;
using Hpnna.Arcos.Packets;
using Hpnna.Arcos.Units;

namespace Hpnna.Arcos.Tests;

public sealed class RoundTripTests
{
    private readonly byte[] _buffer = new byte[PacketLayout.MaximumLength];

    [Fact]
    public void Config_packet_round_trips_and_short_replies_stop_cleanly()
    {
        var config = new ConfigPacket
        {
            Type = "Pioneer", Subtype = "p3dx-sh", Serial = "123", RotVelTop = 360, TransVelTop = 1500, Name = "robot",
            SipCycle = 100, Watchdog = 2000, RotVelMax = 150, TransVelMax = 3000, ResetBaud = 2, DriftFactor = -12,
            FirmwareVersion = "S.0",
        };
        var length = config.Write(_buffer);
        Assert.True(ArcosChecksum.Verify(_buffer.AsSpan(0, length)));
        Assert.True(ConfigPacket.TryParse(_buffer.AsSpan(0, length), out var parsed));
        Assert.Equal(("p3dx-sh", (ushort)2000, (ushort)3000, "S.0", (short)-12), (parsed!.Subtype, parsed.Watchdog, parsed.TransVelMax, parsed.FirmwareVersion, parsed.DriftFactor));
        Assert.True(parsed.AllowsBaudSwitch);
        Assert.Equal(48, parsed.FieldsRead);

        // An old firmware's reply that ends after the watchdog field.
        var builder = new PacketBuilder(_buffer, PacketType.Config);
        builder.NulTerminated("Pioneer");
        builder.NulTerminated("p3dx");
        builder.NulTerminated("9");
        builder.Byte(0);
        for (var i = 0; i < 5; i++)
        {
            builder.UInt16(100);
        }

        builder.NulTerminated("old");
        builder.Bytes([100, 0, 0]);
        builder.UInt16(0);
        builder.UInt16(1);
        builder.Byte(0);
        builder.UInt16(110);
        builder.UInt16(16570);
        builder.UInt16(1500);
        Assert.True(ConfigPacket.TryParse(_buffer.AsSpan(0, builder.Finish()), out var old));
        Assert.Equal((ushort)1500, old!.Watchdog);
        Assert.Equal("", old.FirmwareVersion);
        Assert.False(old.AllowsBaudSwitch);
    }

    [Fact]
    public void String_commands_carry_their_length_and_parse_back()
    {
        var length = CommandPackets.Write(_buffer, CommandNumber.Polling, [3, 4, 2, 5]);
        Assert.True(ClientCommand.TryParse(_buffer.AsSpan(0, length), out var command, out var text));
        Assert.Equal(ArgumentType.String, command.Argument);
        Assert.Equal(new byte[] { 3, 4, 2, 5 }, text.ToArray());
    }

    [Fact]
    public void Encoder_packet_round_trips()
    {
        var length = new EncoderPacket(-123456, 987654).Write(_buffer);
        Assert.True(EncoderPacket.TryParse(_buffer.AsSpan(0, length), out var parsed));
        Assert.Equal(new EncoderPacket(-123456, 987654), parsed);
    }

    [Fact]
    public void Arguments_outside_16_bits_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CommandPackets.Write(_buffer, CommandNumber.Velocity, 70000));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommandPackets.Write(_buffer, CommandNumber.Velocity, -40000));
    }

    [Fact]
    public void Conversion_factors_follow_the_subclass()
    {
        Assert.Equal(1.0, ConversionFactors.ForSubclass("p3dx-sh")!.Distance);
        Assert.Equal(0.485, ConversionFactors.ForSubclass("P3DX")!.Distance);
        Assert.Null(ConversionFactors.ForSubclass("unknown"));

        // The spec's RVEL -30 SIP: L = 293, R = 106 mm/s is -30 deg/s with DiffConv 0.0056.
        var degrees = ConversionFactors.P3dxSh.RotationFromWheels(293, 106) * 180 / Math.PI;
        Assert.Equal(-30, degrees, 0.2);
    }
}
