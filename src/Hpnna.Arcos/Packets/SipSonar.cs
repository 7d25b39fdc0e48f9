namespace Hpnna.Arcos.Packets;

/// <summary>One sonar reading carried by a SIP: disc number (0-31) and range in robot range units.</summary>
public readonly record struct SipSonar(byte Number, ushort Range);
