using System.Text;

namespace Hpnna.Common.Text;

/// <summary>Text that came from a peer, made safe before it is written anywhere a person reads it.</summary>
public static class PeerText
{
    /// <summary>
    /// Text a peer sent, safe to write to a log or a terminal: control characters (escape sequences included),
    /// DEL and anything outside printable ASCII shown as \xNN, and at most <paramref name="maxLength"/> characters.
    /// </summary>
    public static string Escape(string peerText, int maxLength = 120)
    {
        var escaped = new StringBuilder(Math.Min(peerText.Length, maxLength) + 8);
        foreach (var c in peerText)
        {
            if (escaped.Length >= maxLength)
            {
                escaped.Append("...");
                break;
            }

            if (c is >= ' ' and < '\x7f' && c != '\\')
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append(c == '\\' ? @"\\" : $"\\x{(int)c & 0xff:x2}");
            }
        }

        return escaped.ToString();
    }
}
