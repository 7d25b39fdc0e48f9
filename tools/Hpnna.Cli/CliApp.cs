using System.CommandLine;
using Hpnna.Cli.Commands;
using Hpnna.Common.Validation;
using Hpnna.Core.Layers;

namespace Hpnna.Cli;

/// <summary>The <c>hpnna</c> command tree, with output and error writers injected so tests run it in-process.</summary>
public static class CliApp
{
    public const int Success = 0;
    public const int Failure = 1;

    /// <summary>A run that worked as a program but did not reach what it was asked to (a simulated episode that missed its goal).</summary>
    public const int GoalNotReached = 2;

    public static RootCommand Root() => new("HPNNA Embedded: programmable neural network interpreters for a Pioneer-compatible robot.")
    {
        NetCommands.Create(),
        SimCommands.Create(),
        TrainCommands.Create(),
        ExperimentCommands.Create(),
        RobotCommands.Create(),
        ProgramCommands.Create(),
        LinkCommands.Create(),
    };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Root().Parse(args);
        if (parse.Errors.Count > 0 && !args.Any(a => a is "--help" or "-h" or "-?"))
        {
            // One line naming the option and what it takes, instead of the parser's type names and the whole help.
            error.WriteLine($"error: {ParseErrors.Describe(parse)} (hpnna {string.Join(' ', Path(parse.CommandResult.Command).Skip(1))} --help)".Replace("hpnna  --help", "hpnna --help"));
            return Failure;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static IEnumerable<string> Path(Command command) =>
        command.Parents.OfType<Command>().FirstOrDefault() is { } parent ? [.. Path(parent), command.Name] : [command.Name];

    /// <summary>Runs a command's work, turning user mistakes into one "error:" line and a non-zero exit code.</summary>
    internal static int Guard(TextWriter error, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is UserError or InvalidDescriptionException or ArgumentException)
        {
            error.WriteLine($"error: {e.Message}");
            return Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Hpnna.Common.Links.LinkLostException)
        {
            error.WriteLine($"error: {e.Message}");
            return Failure;
        }
    }
}
