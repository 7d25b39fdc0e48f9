using System.Buffers.Binary;
using Hpnna.Arcos.Framing;

namespace Hpnna.Arcos.Packets;

/// <summary>ENCODERpac (0x90): raw left and right encoder counts.</summary>
public readonly record struct EncoderPacket(int Left, int Right)
{
    public static bool TryParse(ReadOnlySpan<byte> packet, out EncoderPacket encoders)
    {
        encoders = default;
        if (packet.Length < PacketLayout.MinimumLength + 8 || packet[PacketLayout.BodyOffset] != PacketType.Encoder)
        {
            return false;
        }

        var data = packet[PacketLayout.DataOffset..];
        encoders = new EncoderPacket(BinaryPrimitives.ReadInt32LittleEndian(data), BinaryPrimitives.ReadInt32LittleEndian(data[4..]));
        return true;
    }

    public int Write(Span<byte> destination)
    {
        var builder = new PacketBuilder(destination, PacketType.Encoder);
        builder.Int32(Left);
        builder.Int32(Right);
        return builder.Finish();
    }
}
