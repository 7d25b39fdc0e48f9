using Hpnna.Arcos.Framing;

namespace Hpnna.Arcos.Packets;

/// <summary>The robot's answer to SYNC2: its name, class and subclass (the subclass picks the conversion factors).</summary>
public sealed record SyncReply(string Name, string Class, string Subclass)
{
    public static bool TryParse(ReadOnlySpan<byte> packet, out SyncReply? reply)
    {
        reply = null;
        if (packet.Length < PacketLayout.MinimumLength || packet[PacketLayout.BodyOffset] != PacketType.Sync2)
        {
            return false;
        }

        var cursor = new FieldCursor(packet[PacketLayout.DataOffset..^2]);
        var name = cursor.NulTerminated();
        var robotClass = cursor.NulTerminated();
        var subclass = cursor.NulTerminated();
        if (name is null || robotClass is null || subclass is null)
        {
            return false;
        }

        reply = new SyncReply(name, robotClass, subclass);
        return true;
    }

    public int Write(Span<byte> destination)
    {
        var builder = new PacketBuilder(destination, PacketType.Sync2);
        builder.NulTerminated(Name);
        builder.NulTerminated(Class);
        builder.NulTerminated(Subclass);
        return builder.Finish();
    }
}
