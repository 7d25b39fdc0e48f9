using Hpnna.Arcos.Framing;

namespace Hpnna.Arcos.Packets;

/// <summary>
/// The battery packet (0xFA) sent on BATTERYINFO 1 (once) or 2 (with every SIP): the number of batteries, the
/// bytes per battery, then for each three flag bytes and its relative and absolute state of charge in percent.
/// This carries one battery with no flags set.
/// </summary>
public readonly record struct BatteryInfoPacket(byte RelativeCharge, byte AbsoluteCharge)
{
    private const byte BytesPerBattery = 5;

    public static bool TryParse(ReadOnlySpan<byte> packet, out BatteryInfoPacket battery)
    {
        battery = default;
        if (packet.Length < PacketLayout.MinimumLength + 2 || packet[PacketLayout.BodyOffset] != PacketType.BatteryInfo)
        {
            return false;
        }

        var data = packet[PacketLayout.DataOffset..^2]; // without the checksum
        if (data[0] < 1 || data[1] < BytesPerBattery || data.Length < 2 + data[1])
        {
            return false;
        }

        battery = new BatteryInfoPacket(data[5], data[6]);
        return true;
    }

    public int Write(Span<byte> destination)
    {
        var builder = new PacketBuilder(destination, PacketType.BatteryInfo);
        builder.Byte(1);
        builder.Byte(BytesPerBattery);
        builder.Byte(0);
        builder.Byte(0);
        builder.Byte(0);
        builder.Byte(RelativeCharge);
        builder.Byte(AbsoluteCharge);
        return builder.Finish();
    }
}
