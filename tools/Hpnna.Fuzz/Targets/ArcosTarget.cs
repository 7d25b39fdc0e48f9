using Hpnna.Arcos.Commands;
using Hpnna.Arcos.Framing;
using Hpnna.Arcos.Packets;

namespace Hpnna.Fuzz.Targets;

/// <summary>
/// Bytes from a serial line, as the client (and the emulated robot) read them: appended to the packet reader in
/// the chunk sizes the input's first byte sets (a real read returns whatever has arrived), every framed packet
/// parsed as each packet kind the client knows and as a client command, as the emulator does. A crash is an exception or a reader that takes bytes and neither frames
/// nor discards them.
/// </summary>
internal static class ArcosTarget
{
    private static readonly SipSonar[] Sonars = new SipSonar[32];

    public static void Run(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var reader = new PacketReader();
        var chunk = 1 + (input[0] % 64);
        var data = input.AsSpan(1);
        while (!data.IsEmpty)
        {
            var take = Math.Min(Math.Min(chunk, data.Length), reader.FreeSpace);
            if (take == 0)
            {
                throw new InvalidOperationException("the packet reader is full and frames nothing");
            }

            reader.Append(data[..take]);
            data = data[take..];
            while (reader.TryRead(out var packet))
            {
                _ = StandardSip.TryParse(packet, Sonars, out _);
                _ = ConfigPacket.TryParse(packet, out _);
                _ = EncoderPacket.TryParse(packet, out _);
                _ = SyncReply.TryParse(packet, out _);
                _ = ClientCommand.TryParse(packet, out _, out _);
            }
        }
    }
}
