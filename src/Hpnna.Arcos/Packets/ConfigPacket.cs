using Hpnna.Arcos.Framing;

namespace Hpnna.Arcos.Packets;

/// <summary>
/// CONFIGpac (0x20), the robot's answer to CONFIG 1: its model strings, limits, watchdog and baud settings.
/// Fields are listed once, in wire order, in <see cref="Fields"/>; parsing and writing both walk that list,
/// and parsing stops cleanly where an older firmware's packet ends (<see cref="FieldsRead"/>). Newer ARCOS
/// appends more fields after the firmware version; they are ignored. Parsing allocates (strings); it runs
/// once per connection.
/// </summary>
public sealed class ConfigPacket
{
    public string Type = "";
    public string Subtype = "";
    public string Serial = "";
    public byte FourMotors;
    public ushort RotVelTop, TransVelTop, RotAccTop, TransAccTop, PwmMax;
    public string Name = "";
    public byte SipCycle, HostBaud, Aux1Baud;
    public ushort HasGripper, FrontSonar;
    public byte RearSonar;
    public ushort LowBattery, RevCount, Watchdog;
    public byte NormalMotorPackets;
    public ushort StallValue, StallCount, JoyVel, JoyRotVel, RotVelMax, TransVelMax, RotAccel, RotDecel;
    public ushort RotKp, RotKv, RotKi, TransAccel, TransDecel, TransKp, TransKv, TransKi;
    public byte FrontBumps, RearBumps, Charger, SonarCycle, ResetBaud, GyroType;
    public short DriftFactor;
    public byte Aux2Baud, Aux3Baud;
    public ushort TicksPerMm, ShutdownVolts;
    public string FirmwareVersion = "";

    /// <summary>How many fields the parsed packet held (all of them for a full ARCOS reply).</summary>
    public int FieldsRead { get; private set; }

    /// <summary>Whether the robot allows the client to change the serial baud with HOSTBAUD.</summary>
    public bool AllowsBaudSwitch => ResetBaud == 2;

    public static bool TryParse(ReadOnlySpan<byte> packet, out ConfigPacket? config)
    {
        config = null;
        if (packet.Length < PacketLayout.MinimumLength || packet[PacketLayout.BodyOffset] != PacketType.Config)
        {
            return false;
        }

        var parsed = new ConfigPacket();
        var reader = new Reader(packet[PacketLayout.DataOffset..^2].ToArray());
        parsed.Fields(reader);
        parsed.FieldsRead = reader.Count;
        if (reader.Count == 0)
        {
            return false;
        }

        config = parsed;
        return true;
    }

    public int Write(Span<byte> destination)
    {
        var writer = new Writer(new byte[PacketLayout.MaximumLength]);
        Fields(writer);
        var builder = new PacketBuilder(destination, PacketType.Config);
        builder.Bytes(writer.Written);
        return builder.Finish();
    }

    private void Fields(IFieldVisitor v)
    {
        v.Text(ref Type); v.Text(ref Subtype); v.Text(ref Serial);
        v.Byte(ref FourMotors);
        v.UInt16(ref RotVelTop); v.UInt16(ref TransVelTop); v.UInt16(ref RotAccTop); v.UInt16(ref TransAccTop); v.UInt16(ref PwmMax);
        v.Text(ref Name);
        v.Byte(ref SipCycle); v.Byte(ref HostBaud); v.Byte(ref Aux1Baud);
        v.UInt16(ref HasGripper); v.UInt16(ref FrontSonar);
        v.Byte(ref RearSonar);
        v.UInt16(ref LowBattery); v.UInt16(ref RevCount); v.UInt16(ref Watchdog);
        v.Byte(ref NormalMotorPackets);
        v.UInt16(ref StallValue); v.UInt16(ref StallCount); v.UInt16(ref JoyVel); v.UInt16(ref JoyRotVel);
        v.UInt16(ref RotVelMax); v.UInt16(ref TransVelMax); v.UInt16(ref RotAccel); v.UInt16(ref RotDecel);
        v.UInt16(ref RotKp); v.UInt16(ref RotKv); v.UInt16(ref RotKi);
        v.UInt16(ref TransAccel); v.UInt16(ref TransDecel); v.UInt16(ref TransKp); v.UInt16(ref TransKv); v.UInt16(ref TransKi);
        v.Byte(ref FrontBumps); v.Byte(ref RearBumps); v.Byte(ref Charger); v.Byte(ref SonarCycle); v.Byte(ref ResetBaud); v.Byte(ref GyroType);
        var drift = (ushort)DriftFactor;
        v.UInt16(ref drift);
        DriftFactor = (short)drift;
        v.Byte(ref Aux2Baud); v.Byte(ref Aux3Baud);
        v.UInt16(ref TicksPerMm); v.UInt16(ref ShutdownVolts);
        v.Text(ref FirmwareVersion);
    }

    private interface IFieldVisitor
    {
        void Byte(ref byte field);
        void UInt16(ref ushort field);
        void Text(ref string field);
    }

    /// <summary>Fills fields while data last; after the first field that does not fit, leaves the rest as they are.</summary>
    private sealed class Reader(byte[] data) : IFieldVisitor
    {
        private int _at;
        private bool _ended;

        public int Count { get; private set; }

        public void Byte(ref byte field)
        {
            if (Take(1)) { field = data[_at - 1]; }
        }

        public void UInt16(ref ushort field)
        {
            if (Take(2)) { field = (ushort)(data[_at - 2] | data[_at - 1] << 8); }
        }

        public void Text(ref string field)
        {
            if (_ended || _at >= data.Length)
            {
                _ended = true;
                return;
            }

            var end = Array.IndexOf(data, (byte)0, _at);
            var stop = end < 0 ? data.Length : end;
            field = System.Text.Encoding.ASCII.GetString(data, _at, stop - _at);
            _at = end < 0 ? data.Length : end + 1;
            Count++;
        }

        private bool Take(int size)
        {
            if (_ended || _at + size > data.Length)
            {
                _ended = true;
                return false;
            }

            _at += size;
            Count++;
            return true;
        }
    }

    private sealed class Writer(byte[] buffer) : IFieldVisitor
    {
        private int _length;

        public ReadOnlySpan<byte> Written => buffer.AsSpan(0, _length);

        public void Byte(ref byte field) => buffer[_length++] = field;

        public void UInt16(ref ushort field)
        {
            buffer[_length++] = (byte)field;
            buffer[_length++] = (byte)(field >> 8);
        }

        public void Text(ref string field)
        {
            foreach (var c in field)
            {
                buffer[_length++] = c < 0x80 ? (byte)c : (byte)'?';
            }

            buffer[_length++] = 0;
        }
    }
}
