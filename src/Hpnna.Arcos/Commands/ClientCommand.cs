using System.Buffers.Binary;
using Hpnna.Arcos.Framing;

namespace Hpnna.Arcos.Commands;

/// <summary>
/// A client command as the robot side reads it: number, argument type and value. A string argument stays in
/// the packet (<see cref="TryParse"/> hands back its bytes); nothing is allocated.
/// </summary>
public readonly record struct ClientCommand(byte Number, ArgumentType Argument, int Value)
{
    public CommandNumber Command => (CommandNumber)Number;

    public bool HasInteger => Argument is ArgumentType.PositiveInteger or ArgumentType.NegativeInteger;

    /// <summary>The two bytes of a VEL2/DIGOUT argument, from the signed 16-bit value (sign first, then split).</summary>
    public (sbyte High, sbyte Low) TwoBytes
    {
        get
        {
            var raw = unchecked((ushort)(short)Value);
            return (unchecked((sbyte)(raw >> 8)), unchecked((sbyte)raw));
        }
    }

    /// <summary>
    /// Reads a checksummed command packet. Commands without argument, with an integer, or with a string
    /// (length byte bounded by the count; a missing length byte is tolerated as in Soar's client) are accepted.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out ClientCommand command, out ReadOnlySpan<byte> text)
    {
        text = default;
        command = default;
        if (packet.Length < PacketLayout.MinimumLength)
        {
            return false;
        }

        var number = packet[PacketLayout.BodyOffset];
        var data = packet[PacketLayout.DataOffset..^2];
        if (data.IsEmpty)
        {
            command = new ClientCommand(number, ArgumentType.None, 0);
            return true;
        }

        switch ((ArgumentType)data[0])
        {
            case ArgumentType.PositiveInteger when data.Length >= 3:
                command = new ClientCommand(number, ArgumentType.PositiveInteger, BinaryPrimitives.ReadUInt16LittleEndian(data[1..]));
                return true;
            case ArgumentType.NegativeInteger when data.Length >= 3:
                command = new ClientCommand(number, ArgumentType.NegativeInteger, -BinaryPrimitives.ReadUInt16LittleEndian(data[1..]));
                return true;
            case ArgumentType.String:
                var rest = data[1..];
                text = rest.Length > 0 && rest[0] <= rest.Length - 1 ? rest.Slice(1, rest[0]) : rest.TrimEnd((byte)0);
                command = new ClientCommand(number, ArgumentType.String, text.Length);
                return true;
            default:
                return false;
        }
    }
}
