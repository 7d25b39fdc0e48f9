using System.Buffers.Binary;
using Hpnna.Arcos.Framing;

namespace Hpnna.Arcos.Packets;

/// <summary>
/// The standard server information packet (type 0x32 stopped, 0x33 moving), in raw robot units: positions
/// in distance units, heading in 4096ths of a turn, speeds in velocity units. Everything after DIGOUT is
/// optional and null when the robot did not send it; fields are read by the count, so shorter (old P2OS)
/// and longer (Pioneer LX) SIPs both parse.
/// </summary>
public readonly record struct StandardSip
{
    /// <summary>Bytes before the sonar readings (type through sonar count).</summary>
    private const int FixedPart = 20;

    public bool Moving { get; init; }
    public short X { get; init; }
    public short Y { get; init; }
    public short Theta { get; init; }
    public short LeftVelocity { get; init; }
    public short RightVelocity { get; init; }
    /// <summary>Battery in 0.1 V.</summary>
    public byte Battery { get; init; }
    /// <summary>Bit 0 left wheel stalled, bits 1-7 rear bumpers, bit 8 right wheel stalled, bits 9-15 front bumpers.</summary>
    public ushort StallAndBumpers { get; init; }
    public short Control { get; init; }
    /// <summary>Bit 0 motors enabled, bits 1-4 sonar arrays, bit 5 STOP button, bit 6 e-stall.</summary>
    public ushort Flags { get; init; }
    public byte Compass { get; init; }
    /// <summary>How many sonar readings followed (they went into the caller's buffer).</summary>
    public int SonarCount { get; init; }
    public byte Grip { get; init; }
    public byte AnalogPort { get; init; }
    public byte Analog { get; init; }
    public byte DigitalIn { get; init; }
    public byte DigitalOut { get; init; }
    public ushort? BatteryTenths { get; init; }
    public sbyte? ChargeState { get; init; }
    /// <summary>Rotational velocity in 0.1 deg/s.</summary>
    public short? RotationalVelocity { get; init; }
    public ushort? FaultFlags { get; init; }
    public short? LateralVelocity { get; init; }
    public sbyte? Temperature { get; init; }
    public byte? StateOfCharge { get; init; }

    public bool MotorsEnabled => (Flags & 0x0001) != 0;
    public bool LeftStalled => (StallAndBumpers & 0x0001) != 0;
    public bool RightStalled => (StallAndBumpers & 0x0100) != 0;
    public byte RearBumpers => (byte)((StallAndBumpers >> 1) & 0x7F);
    public byte FrontBumpers => (byte)((StallAndBumpers >> 9) & 0x7F);
    public bool StopButtonPressed => (Flags & 0x0020) != 0;

    /// <summary>
    /// Parses a checksummed SIP. Sonar readings go into <paramref name="sonars"/>; readings beyond its length
    /// are skipped (still counted in <see cref="SonarCount"/>). False when the packet is not a standard SIP
    /// or is too short for its declared sonar count.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, Span<SipSonar> sonars, out StandardSip sip)
    {
        sip = default;
        if (packet.Length < PacketLayout.MinimumLength || !PacketType.IsStandardSip(packet[PacketLayout.BodyOffset]))
        {
            return false;
        }

        var body = packet[PacketLayout.BodyOffset..^2];
        if (body.Length < FixedPart)
        {
            return false;
        }

        int count = body[19];
        var tail = FixedPart + 3 * count;
        if (body.Length < tail)
        {
            return false;
        }

        for (var k = 0; k < count && k < sonars.Length; k++)
        {
            var at = FixedPart + 3 * k;
            sonars[k] = new SipSonar(body[at], BinaryPrimitives.ReadUInt16LittleEndian(body[(at + 1)..]));
        }

        var rest = new FieldCursor(body[tail..]);
        sip = new StandardSip
        {
            Moving = body[0] == PacketType.SipMoving,
            X = BinaryPrimitives.ReadInt16LittleEndian(body[1..]),
            Y = BinaryPrimitives.ReadInt16LittleEndian(body[3..]),
            Theta = BinaryPrimitives.ReadInt16LittleEndian(body[5..]),
            LeftVelocity = BinaryPrimitives.ReadInt16LittleEndian(body[7..]),
            RightVelocity = BinaryPrimitives.ReadInt16LittleEndian(body[9..]),
            Battery = body[11],
            StallAndBumpers = BinaryPrimitives.ReadUInt16LittleEndian(body[12..]),
            Control = BinaryPrimitives.ReadInt16LittleEndian(body[14..]),
            Flags = BinaryPrimitives.ReadUInt16LittleEndian(body[16..]),
            Compass = body[18],
            SonarCount = count,
            Grip = rest.Byte() ?? 0,
            AnalogPort = rest.Byte() ?? 0,
            Analog = rest.Byte() ?? 0,
            DigitalIn = rest.Byte() ?? 0,
            DigitalOut = rest.Byte() ?? 0,
            BatteryTenths = rest.UInt16(),
            ChargeState = (sbyte?)rest.Byte(),
            RotationalVelocity = (short?)rest.UInt16(),
            FaultFlags = rest.UInt16(),
            LateralVelocity = (short?)rest.UInt16(),
            Temperature = (sbyte?)rest.Byte(),
            StateOfCharge = rest.Byte(),
        };
        return true;
    }

    /// <summary>
    /// Writes this SIP with <paramref name="sonars"/> as its readings (the robot side). Optional fields are
    /// written up to the first one that is null.
    /// </summary>
    public int Write(Span<byte> destination, ReadOnlySpan<SipSonar> sonars)
    {
        var b = new PacketBuilder(destination, Moving ? PacketType.SipMoving : PacketType.SipStopped);
        b.Int16(X);
        b.Int16(Y);
        b.Int16(Theta);
        b.Int16(LeftVelocity);
        b.Int16(RightVelocity);
        b.Byte(Battery);
        b.UInt16(StallAndBumpers);
        b.Int16(Control);
        b.UInt16(Flags);
        b.Byte(Compass);
        b.Byte((byte)sonars.Length);
        foreach (var sonar in sonars)
        {
            b.Byte(sonar.Number);
            b.UInt16(sonar.Range);
        }

        b.Byte(Grip);
        b.Byte(AnalogPort);
        b.Byte(Analog);
        b.Byte(DigitalIn);
        b.Byte(DigitalOut);
        if (BatteryTenths is { } tenths) { b.UInt16(tenths); } else { return b.Finish(); }
        if (ChargeState is { } charge) { b.SignedByte(charge); } else { return b.Finish(); }
        if (RotationalVelocity is { } rot) { b.Int16(rot); } else { return b.Finish(); }
        if (FaultFlags is { } faults) { b.UInt16(faults); } else { return b.Finish(); }
        if (LateralVelocity is { } lateral) { b.Int16(lateral); } else { return b.Finish(); }
        if (Temperature is { } temperature) { b.SignedByte(temperature); } else { return b.Finish(); }
        if (StateOfCharge is { } soc) { b.Byte(soc); }
        return b.Finish();
    }
}
