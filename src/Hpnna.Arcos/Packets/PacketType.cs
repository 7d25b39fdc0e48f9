namespace Hpnna.Arcos.Packets;

/// <summary>Robot-to-client packet types.</summary>
public static class PacketType
{
    public const byte Sync0 = 0x00;
    public const byte Sync1 = 0x01;
    public const byte Sync2 = 0x02;
    public const byte Config = 0x20;
    /// <summary>Standard SIP, robot stopped.</summary>
    public const byte SipStopped = 0x32;
    /// <summary>Standard SIP, robot moving (AMRISim always sends 0x32).</summary>
    public const byte SipMoving = 0x33;
    public const byte Encoder = 0x90;
    /// <summary>Battery information, sent on BATTERYINFO.</summary>
    public const byte BatteryInfo = 0xFA;

    public static bool IsStandardSip(byte type) => type is SipStopped or SipMoving;
}
