namespace Hpnna.Arcos.Framing;

/// <summary>
/// Where things sit in a packet (same in both directions): <c>FA FB N type data… checksum-hi checksum-lo</c>,
/// where N counts the bytes after itself, checksum included.
/// </summary>
public static class PacketLayout
{
    public const byte Header1 = 0xFA;
    public const byte Header2 = 0xFB;

    /// <summary>Offset of the count byte N.</summary>
    public const int CountOffset = 2;

    /// <summary>Offset of the command number (client to robot) or packet type (robot to client).</summary>
    public const int BodyOffset = 3;

    /// <summary>Offset of the first argument or data byte.</summary>
    public const int DataOffset = 4;

    /// <summary>The smallest N: a type byte and the two checksum bytes.</summary>
    public const int MinimumCount = 3;

    /// <summary>The shortest packet: headers, count, type, checksum.</summary>
    public const int MinimumLength = MinimumCount + 3;

    /// <summary>The largest N a receiver accepts (the count is one byte).</summary>
    public const int MaximumCount = 255;

    /// <summary>The longest packet a receiver accepts.</summary>
    public const int MaximumLength = MaximumCount + 3;

    /// <summary>The longest packet this project sends: ARIA and ARCOS both cap commands near 200 bytes.</summary>
    public const int MaximumSendLength = 200;
}
