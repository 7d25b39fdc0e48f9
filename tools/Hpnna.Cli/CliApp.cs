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

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("HPNNA Embedded: programmable neural network interpreters for a Pioneer-compatible robot.")
        {
            NetCommands.Create(),
            SimCommands.Create(),
            TrainCommands.Create(),
            ExperimentCommands.Create(),
            RobotCommands.Create(),
            ProgramCommands.Create(),
            LinkCommands.Create(),
        };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

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
