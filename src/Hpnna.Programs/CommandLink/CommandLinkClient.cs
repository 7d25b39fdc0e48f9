using System.Globalization;

namespace Hpnna.Programs.CommandLink;

/// <summary>
/// The operator's side of the command link, over any line transport: it says HELLO for the session nonce,
/// signs each state-changing command with the key (sequence numbers counting up under that nonce), adds the
/// checksum, and returns the verified body of the robot's answer.
/// </summary>
/// <param name="sendLine">Writes one line (without its newline).</param>
/// <param name="receiveLine">Reads one line, or null when none came in time.</param>
/// <param name="key">The shared key; null on a link without authentication.</param>
public sealed class CommandLinkClient(Action<string> sendLine, Func<TimeSpan, string?> receiveLine, byte[]? key)
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(3);

    private string? _nonce;
    private long _sequence;

    /// <summary>Sends one command (opening the session with HELLO first if needed) and returns the answer's body.</summary>
    /// <exception cref="ArgumentException">The command is not valid (nothing was sent).</exception>
    /// <exception cref="IOException">No answer, a garbled one, or a HELLO without a nonce.</exception>
    public string Send(string command)
    {
        if (!LinkCommand.TryParse(command, out var parsed, out var problem))
        {
            throw new ArgumentException(problem);
        }

        if (parsed!.ChangesState && key is not null)
        {
            _nonce ??= Hello();
            _sequence++;
            command = string.Create(CultureInfo.InvariantCulture, $"{parsed.Signed} seq={_sequence} mac={LinkAuthenticator.Sign(key, _nonce, _sequence, parsed.Signed)}");
        }

        return Exchange(command);
    }

    /// <summary>Asks the robot for its session's nonce and the last sequence number it accepted; the next command signs above it.</summary>
    public string Hello()
    {
        var answer = Exchange("HELLO");
        var words = answer.Split(' ');
        _nonce = words.FirstOrDefault(w => w.StartsWith("nonce=", StringComparison.Ordinal))?["nonce=".Length..]
            ?? throw new IOException($"the robot did not answer HELLO properly: {answer}");
        _sequence = words.FirstOrDefault(w => w.StartsWith("seq=", StringComparison.Ordinal)) is { } seq
            && long.TryParse(seq["seq=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : 0;
        return _nonce;
    }

    private string Exchange(string body)
    {
        sendLine(LineChecksum.Append(body));
        var line = receiveLine(AnswerTimeout)?.TrimEnd('\r') ?? throw new IOException($"no answer from the robot within {AnswerTimeout.TotalSeconds:0} s");
        return LineChecksum.TryVerify(line, out var reply, out var problem) ? reply : throw new IOException($"garbled answer ({problem}): {line}");
    }
}
