using Hpnna.Common.Text;

namespace Hpnna.Programs.CommandLink;

/// <summary>
/// One line in, one line out: checks the line (length, checksum, syntax), authorises it, applies it to the
/// target, and answers <c>OK ...</c> or <c>ERR reason</c>, itself checksummed. Bad input never changes state
/// and never ends the session: a target that throws (a case its own checks missed) is answered with an ERR too,
/// as the target checks everything before it changes anything.
/// </summary>
public sealed class CommandLinkSession(IProgramTarget target, LinkAuthenticator authenticator)
{
    public long Accepted { get; private set; }

    public long Refused { get; private set; }

    public string Handle(string line)
    {
        line = line.TrimEnd('\r', '\n');
        if (line.Length > LinkCommand.MaxLineLength)
        {
            return Error($"line too long ({line.Length} characters, at most {LinkCommand.MaxLineLength})");
        }

        var control = line.AsSpan().IndexOfAnyInRange('\0', '\x1f');
        if (control < 0)
        {
            control = line.IndexOf('\x7f');
        }

        if (control >= 0)
        {
            return Error($"control character 0x{(int)line[control]:x2} at column {control + 1}");
        }

        if (!LineChecksum.TryVerify(line, out var body, out var problem) || !LinkCommand.TryParse(body, out var command, out problem))
        {
            return Error(problem!);
        }

        if (!authenticator.TryAuthorize(command!, out var refusal))
        {
            return Error(refusal!);
        }

        string? failure;
        try
        {
            failure = Apply(command!);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failure = $"could not carry out {command!.Verb.ToString().ToUpperInvariant()}: {e.Message}";
        }

        if (failure is not null)
        {
            return Error(failure);
        }

        Accepted++;
        return LineChecksum.Append(command!.Verb switch
        {
            LinkVerb.Hello => $"OK HELLO nonce={authenticator.Hello()} seq={authenticator.LastSequence} auth={(authenticator.RequiresMac ? "required" : "none")}",
            LinkVerb.Status => $"OK STATUS {target.Status()}",
            _ => $"OK {command.Signed}",
        });
    }

    private string? Apply(LinkCommand command) => command.Verb switch
    {
        LinkVerb.Hello => null,
        LinkVerb.Status => null,
        LinkVerb.Goal => target.SelectGoal(command.Name!),
        LinkVerb.Code => target.ReplaceCode(command.Name!, command.Code!),
        LinkVerb.Load => target.LoadLibrary(command.Name!, command.Path!),
        LinkVerb.Stop => target.Stop(),
        LinkVerb.Resume => target.Resume(),
        LinkVerb.Restart => target.Restart(),
        _ => "unsupported",
    };

    private string Error(string reason)
    {
        Refused++;
        // The reason may quote the peer's own words: no control character may break the reply's framing or reach a terminal.
        return LineChecksum.Append($"ERR {PeerText.Escape(reason.Replace('*', '+'), LinkCommand.MaxLineLength)}");
    }
}
