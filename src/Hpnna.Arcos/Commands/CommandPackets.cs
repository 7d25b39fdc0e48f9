using Hpnna.Arcos.Framing;

namespace Hpnna.Arcos.Commands;

/// <summary>
/// Encodes client commands into a caller's buffer (allocation-free) and returns the packet length.
/// Integers are sent as a sign type and a 16-bit magnitude, the way ARIA does it.
/// </summary>
public static class CommandPackets
{
    /// <summary>A command without argument (PULSE, SYNCx, STOP, E_STOP, SETO, the manual OPEN/CLOSE).</summary>
    public static int Write(Span<byte> destination, byte command) => new PacketBuilder(destination, command).Finish();

    /// <inheritdoc cref="Write(Span{byte}, byte)"/>
    public static int Write(Span<byte> destination, CommandNumber command) => Write(destination, (byte)command);

    /// <summary>A command with a signed integer argument in [-32768, 65535] (magnitude on the wire).</summary>
    public static int Write(Span<byte> destination, CommandNumber command, int argument)
    {
        if (argument is < short.MinValue or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(argument), argument, "an integer argument must fit 16 bits with its sign");
        }

        var builder = new PacketBuilder(destination, (byte)command);
        builder.Byte((byte)(argument < 0 ? ArgumentType.NegativeInteger : ArgumentType.PositiveInteger));
        builder.UInt16((ushort)Math.Abs(argument));
        return builder.Finish();
    }

    /// <summary>
    /// A two-byte command (VEL2, DIGOUT): the 16-bit value <c>high &lt;&lt; 8 | low</c> read as signed, then
    /// sent as sign and magnitude; the receiver rebuilds the signed value before splitting it.
    /// </summary>
    public static int WriteTwoBytes(Span<byte> destination, CommandNumber command, sbyte high, sbyte low)
    {
        var value = (short)((byte)high << 8 | (byte)low);
        return Write(destination, command, value);
    }

    /// <summary>A command with a string argument: type, length, the characters (ARIA's comStrN form, no trailing NUL).</summary>
    public static int Write(Span<byte> destination, CommandNumber command, ReadOnlySpan<byte> text)
    {
        if (text.Length > 199)
        {
            throw new ArgumentException("a string argument is at most 199 bytes", nameof(text));
        }

        var builder = new PacketBuilder(destination, (byte)command);
        builder.Byte((byte)ArgumentType.String);
        builder.Byte((byte)text.Length);
        builder.Bytes(text);
        return builder.Finish();
    }

    /// <summary>VEL2: left and right wheel speeds in units of the robot's Vel2Divisor (20 mm/s on a P3-DX).</summary>
    public static int WriteWheelVelocities(Span<byte> destination, sbyte left, sbyte right) =>
        WriteTwoBytes(destination, CommandNumber.WheelVelocities, left, right);
}
