using BenchmarkDotNet.Attributes;
using Hpnna.Arcos.Commands;
using Hpnna.Arcos.Framing;
using Hpnna.Arcos.Packets;

namespace Hpnna.Benchmarks;

/// <summary>
/// The ARCOS client's receive path for one SIP cycle: the 89-byte SIP (16 sonar readings, every optional field)
/// arriving in three chunks with line noise before it, found by the resynchronising reader and parsed; and the
/// send path for one tick's setpoints (VEL and RVEL encoded). Both must allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class ArcosReceiveBenchmarks
{
    private readonly PacketReader _reader = new();
    private readonly SipSonar[] _sonars = new SipSonar[32];
    private readonly byte[] _command = new byte[PacketLayout.MaximumLength];
    private byte[] _stream = [];

    [GlobalSetup]
    public void Setup()
    {
        var buffer = new byte[PacketLayout.MaximumLength];
        var sonars = Enumerable.Range(0, 16).Select(i => new SipSonar((byte)i, (ushort)(500 + 100 * i))).ToArray();
        var sip = new StandardSip
        {
            X = 1234, Y = -567, Theta = 1024, LeftVelocity = 200, RightVelocity = 210, Battery = 130, Flags = 0x1F,
            BatteryTenths = 130, ChargeState = 0, RotationalVelocity = 30, FaultFlags = 0, LateralVelocity = 0, Temperature = -127, StateOfCharge = 0,
        };
        var length = sip.Write(buffer, sonars);
        _stream = [0x00, 0xFA, 0x13, 0xFA, 0xFB, 0x01, .. buffer.AsSpan(0, length)];
    }

    [Benchmark]
    public int ReceiveSip()
    {
        var third = _stream.Length / 3;
        var parsed = 0;
        for (var start = 0; start < _stream.Length; start += third)
        {
            _reader.Append(_stream.AsSpan(start, Math.Min(third, _stream.Length - start)));
            while (_reader.TryRead(out var packet))
            {
                parsed += StandardSip.TryParse(packet, _sonars, out var sip) ? sip.SonarCount : 0;
            }
        }

        return parsed;
    }

    [Benchmark]
    public int EncodeSetpoints() =>
        CommandPackets.Write(_command, CommandNumber.Velocity, -250) + CommandPackets.Write(_command, CommandNumber.RotationalVelocity, 17);
}
