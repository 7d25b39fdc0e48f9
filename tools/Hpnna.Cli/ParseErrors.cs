using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Hpnna.Common.Text;

namespace Hpnna.Cli;

/// <summary>
/// The parser's first complaint in the user's words: the option, the value given and what it must be (never a
/// .NET type name), or the nearest option or command to a misspelt one.
/// </summary>
internal static partial class ParseErrors
{
    public static string Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var first = parse.Errors[0].Message;
        if (CannotParse().Match(first) is { Success: true } bad)
        {
            var option = command.Options.FirstOrDefault(o => o.Name == bad.Groups["option"].Value || o.Aliases.Contains(bad.Groups["option"].Value));
            return $"{bad.Groups["option"].Value} must be {ValueKind.Expected(option?.ValueType)} (got '{bad.Groups["value"].Value}')";
        }

        var unmatched = parse.UnmatchedTokens.FirstOrDefault();
        if (unmatched is not null)
        {
            var names = command.Options.SelectMany(o => o.Aliases.Append(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal))
                .Concat(command.Subcommands.Select(c => c.Name)).Distinct().ToArray();
            return unmatched.StartsWith('-')
                ? $"unknown option {unmatched}{ClosestName.Hint(unmatched, names)}"
                : command.Subcommands.Count > 0
                    ? $"unknown command '{unmatched}'{ClosestName.Hint(unmatched, names)}; commands: {string.Join(", ", command.Subcommands.Select(c => c.Name))}"
                    : $"unexpected argument '{unmatched}'";
        }

        if (command.Subcommands.Count > 0 && first.StartsWith("Required command", StringComparison.Ordinal))
        {
            return $"say which: {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
        }

        return first.Split('\n')[0].Trim();
    }

    [GeneratedRegex("^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex CannotParse();
}
