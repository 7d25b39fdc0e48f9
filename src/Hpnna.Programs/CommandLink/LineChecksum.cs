using System.Globalization;

namespace Hpnna.Programs.CommandLink;

/// <summary>
/// The per-line checksum of the command link, as NMEA does it: <c>BODY*HH</c>, HH the two hex digits of the
/// XOR of every byte of BODY. Cheap to compute by hand or in a terminal script; catches line noise, not
/// forgery (that is the MAC's job).
/// </summary>
public static class LineChecksum
{
    public static byte Compute(ReadOnlySpan<char> body)
    {
        byte sum = 0;
        foreach (var c in body)
        {
            sum ^= (byte)c;
        }

        return sum;
    }

    /// <summary>BODY*HH.</summary>
    public static string Append(string body) => $"{body}*{Compute(body):X2}";

    /// <summary>Splits a received line into its body, or says why it cannot be trusted.</summary>
    public static bool TryVerify(string line, out string body, out string? problem)
    {
        body = "";
        var star = line.LastIndexOf('*');
        if (star < 0 || star != line.Length - 3)
        {
            problem = "no checksum: end the line with *HH, the XOR of its characters in hex";
            return false;
        }

        if (!byte.TryParse(line.AsSpan(star + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var given))
        {
            problem = $"checksum '{line[(star + 1)..]}' is not two hex digits";
            return false;
        }

        var expected = Compute(line.AsSpan(0, star));
        if (given != expected)
        {
            problem = $"bad checksum {given:X2} (the line's is {expected:X2})";
            return false;
        }

        body = line[..star];
        problem = null;
        return true;
    }
}
