using System.Text;
using Hpnna.Host.Backends;
using Hpnna.Host.CommandLink;
using Hpnna.Host.Configuration;
using Hpnna.Programs.CommandLink;
using Hpnna.Programs.Library;
using Hpnna.Robot.Control;
using Hpnna.Robot.Loop;

namespace Hpnna.Fuzz.Targets;

/// <summary>
/// A conversation on the command link: the input's lines, one after another, through the service's own session
/// and the running controller's target (shipped programs, simulator backend). A crash is any exception out of
/// the session, a reply that is not one checksummed <c>OK</c>/<c>ERR</c> line, or an <c>ERR</c> that changed
/// what STATUS shows. An odd first byte makes it a keyed link. Two spellings let the fuzzer past the checks it
/// cannot guess: a line ending <c>*??</c> gets its true checksum, and the word <c>mac=SIGN</c> the true MAC.
/// </summary>
internal static class CommandLinkTarget
{
    private static readonly byte[] Key = "fuzzing-key-0123456789"u8.ToArray();
    private static readonly ControllerSettings Settings = new();
    private static readonly ProgramSet Programs = ProgramChoice.Load(Settings, Settings.SonarLayout());
    private static readonly SimulatorBackend Backend = new(Settings);

    public static void Run(byte[] input)
    {
        var keyed = input.Length > 0 && (input[0] & 1) == 1;
        var controller = HpnnaController.Create(
            Programs.L1.Interpreter, Programs.L2.Interpreter, Programs.L1["Pr"].Code, Programs.L1["Pl"].Code, Programs.Goal(Settings.Goal), Backend.Hardware.Layout, Backend.Clock.Period, goalNumber: GoalRoutes.Number(Settings.Goal));
        var loop = new ControlLoop(new ControlTick(Backend.Hardware, controller, Backend.Clock.Period), Backend.Clock);
        var target = new ControllerTarget(Programs, controller, loop, Settings.Goal);
        var authenticator = new LinkAuthenticator(keyed ? Key : null, allowUnauthenticated: !keyed);
        var session = new CommandLinkSession(target, authenticator);

        foreach (var raw in Encoding.UTF8.GetString(input).Split('\n'))
        {
            var line = Complete(raw, authenticator.Nonce);
            var before = target.Status();
            var reply = session.Handle(line);
            if (reply.Contains('\n') || reply.Contains('\r') || !LineChecksum.TryVerify(reply, out var body, out _) || !(body.StartsWith("OK ", StringComparison.Ordinal) || body.StartsWith("ERR ", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"malformed reply '{reply}' to '{line}'");
            }

            if (body.StartsWith("ERR ", StringComparison.Ordinal) && target.Status() != before)
            {
                throw new InvalidOperationException($"'{line}' was refused ({body}) but changed the status from '{before}' to '{target.Status()}'");
            }
        }
    }

    private static string Complete(string line, string nonce)
    {
        var star = line.EndsWith("*??", StringComparison.Ordinal) ? line.Length - 3 : -1;
        var body = star >= 0 ? line[..star] : line;
        var words = body.Split(' ');
        var signAt = Array.FindIndex(words, w => w == "mac=SIGN");
        var seqAt = Array.FindIndex(words, w => w.StartsWith("seq=", StringComparison.Ordinal));
        if (signAt > 0 && seqAt > 0 && long.TryParse(words[seqAt].AsSpan(4), out var sequence))
        {
            var signed = string.Join(' ', words[..Math.Min(signAt, seqAt)].Where(w => w.Length > 0));
            words[signAt] = $"mac={LinkAuthenticator.Sign(Key, nonce, sequence, signed)}";
            body = string.Join(' ', words);
        }

        return star >= 0 ? LineChecksum.Append(body) : body;
    }
}
