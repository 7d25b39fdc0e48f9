namespace Hpnna.Arcos.Tests;

internal static class Hex
{
    public static byte[] Parse(string text) => Convert.FromHexString(text.Replace(" ", "").Replace("\n", ""));

    public static string Of(ReadOnlySpan<byte> bytes) => string.Join(' ', bytes.ToArray().Select(b => b.ToString("X2")));
}
