using System.Globalization;

namespace Hpnna.Programs.CommandLink;

public enum LinkVerb
{
    Hello,
    Status,
    Goal,
    Code,
    Load,
    Stop,
    Resume,
    Restart,
}

/// <summary>
/// One parsed command-link line. <see cref="Signed"/> is the text the MAC covers: the command's words as
/// received, before <c>seq=</c>.
/// </summary>
public sealed record LinkCommand(LinkVerb Verb, string Signed, string? Name = null, double[]? Code = null, string? Path = null, long? Sequence = null, string? Mac = null)
{
    /// <summary>Commands that change what the robot does need authentication when a key is configured.</summary>
    public bool ChangesState => Verb is not (LinkVerb.Hello or LinkVerb.Status);

    /// <summary>The longest line accepted (a 64-value code with full precision fits).</summary>
    public const int MaxLineLength = 2048;

    /// <summary>Most code values in one CODE command.</summary>
    public const int MaxCodeValues = 256;

    /// <summary>Parses a checksummed body; false with one reason when it is not a valid command.</summary>
    public static bool TryParse(string body, out LinkCommand? command, out string? problem)
    {
        command = null;
        var words = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            problem = "empty command";
            return false;
        }

        long? sequence = null;
        string? mac = null;
        var end = words.Length;
        while (end > 1 && (words[end - 1].StartsWith("seq=", StringComparison.OrdinalIgnoreCase) || words[end - 1].StartsWith("mac=", StringComparison.OrdinalIgnoreCase)))
        {
            var (key, value) = (words[end - 1][..4].ToLowerInvariant(), words[end - 1][4..]);
            if (key == "seq=")
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s <= 0)
                {
                    problem = $"seq must be a positive whole number (got '{value}')";
                    return false;
                }

                sequence = s;
            }
            else
            {
                if (value.Length != 32 || !value.All(Uri.IsHexDigit))
                {
                    problem = "mac must be 32 hex digits";
                    return false;
                }

                mac = value.ToLowerInvariant();
            }

            end--;
        }

        var args = words[1..end];
        var signed = string.Join(' ', words[..end]);
        problem = null;
        switch (words[0].ToUpperInvariant())
        {
            case "HELLO" when args.Length == 0:
                command = new LinkCommand(LinkVerb.Hello, signed);
                return true;
            case "STATUS" when args.Length == 0:
                command = new LinkCommand(LinkVerb.Status, signed);
                return true;
            case "STOP" when args.Length == 0:
                command = new LinkCommand(LinkVerb.Stop, signed, Sequence: sequence, Mac: mac);
                return true;
            case "RESUME" when args.Length == 0:
                command = new LinkCommand(LinkVerb.Resume, signed, Sequence: sequence, Mac: mac);
                return true;
            case "RESTART" when args.Length == 0:
                command = new LinkCommand(LinkVerb.Restart, signed, Sequence: sequence, Mac: mac);
                return true;
            case "GOAL" when args.Length == 1:
                var goal = args[0].ToUpperInvariant();
                if (goal.Length != 2 || goal[0] != 'G' || goal[1] is < '1' or > '8')
                {
                    problem = $"GOAL takes G1..G8 (got '{args[0]}')";
                    return false;
                }

                command = new LinkCommand(LinkVerb.Goal, signed, Name: goal, Sequence: sequence, Mac: mac);
                return true;
            case "CODE" when args.Length == 2:
                return TryParseCode(args, signed, sequence, mac, out command, out problem);
            case "LOAD" when args.Length == 2:
                var level = args[0].ToUpperInvariant();
                if (level is not ("L1" or "L2"))
                {
                    problem = $"LOAD takes L1 or L2 then a library path (got '{args[0]}')";
                    return false;
                }

                command = new LinkCommand(LinkVerb.Load, signed, Name: level, Path: args[1], Sequence: sequence, Mac: mac);
                return true;
            case "HELLO" or "STATUS" or "STOP" or "RESUME" or "RESTART" or "GOAL" or "CODE" or "LOAD":
                problem = $"wrong arguments for {words[0].ToUpperInvariant()}; usage: {Usage}";
                return false;
            default:
                problem = $"unknown command '{words[0]}'; commands: {Usage}";
                return false;
        }
    }

    public const string Usage = "HELLO | STATUS | GOAL Gk | CODE NAME v1,v2,... | LOAD L1|L2 PATH | STOP | RESUME | RESTART";

    private static bool TryParseCode(string[] args, string signed, long? sequence, string? mac, out LinkCommand? command, out string? problem)
    {
        command = null;
        var texts = args[1].Split(',');
        if (texts.Length > MaxCodeValues)
        {
            problem = $"a code has at most {MaxCodeValues} values (got {texts.Length})";
            return false;
        }

        var code = new double[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            if (!double.TryParse(texts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out code[i]) || !double.IsFinite(code[i]))
            {
                problem = $"code value {i + 1} '{texts[i]}' is not a finite number";
                return false;
            }
        }

        command = new LinkCommand(LinkVerb.Code, signed, Name: args[0], Code: code, Sequence: sequence, Mac: mac);
        problem = null;
        return true;
    }
}

/// <summary>What the robot's service and the operator's client agree on without being told.</summary>
public static class LinkDefaults
{
    /// <summary>Serial baud rate of the command link: radio modems and Bluetooth SPP commonly run at 57600.</summary>
    public const int Baud = 57600;
}
