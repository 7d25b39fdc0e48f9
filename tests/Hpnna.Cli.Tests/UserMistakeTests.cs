using System.CommandLine;

namespace Hpnna.Cli.Tests;

/// <summary>Every user mistake gets one line naming the option and what it takes, before any work; nothing shipped is written by default.</summary>
public sealed class UserMistakeTests
{
    [Theory]
    [InlineData("error: --lambda must be a number (got 'abc') (hpnna sim run --help)", "sim", "run", "--lambda", "abc")]
    [InlineData("error: --noise-on must be one of All, L1, L2 (got 'Foo') (hpnna experiment maze --help)", "experiment", "maze", "--noise-on", "Foo")]
    [InlineData("error: unknown option --gaol; did you mean --goal? (hpnna sim run --help)", "sim", "run", "--gaol", "G3")]
    [InlineData("error: unknown command 'rn'; did you mean run?; commands: run (hpnna sim --help)", "sim", "rn")]
    [InlineData("error: say which: run (hpnna sim --help)", "sim")]
    [InlineData("error: --generations must be a whole number (got '1.5') (hpnna train l1 --help)", "train", "l1", "--generations", "1.5")]
    public void A_parse_mistake_is_one_line_with_the_option_and_its_valid_values(string message, params string[] args)
    {
        var run = CliRun.InProcess(args);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(message, run.Error.Trim());
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void A_picture_that_cannot_be_written_is_refused_before_the_run()
    {
        var run = CliRun.InProcess("sim", "run", "--goal", "G3", "--png", "/proc/no-such-folder/x.png");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: cannot write /proc/no-such-folder/x.png", run.Error);
        Assert.DoesNotContain("reached", run.Output);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void No_command_writes_into_the_shipped_programs_or_the_committed_reports_unless_told_to()
    {
        var outs = Commands(CliApp.Root()).SelectMany(c => c.Options).Where(o => o.Name == "--out" && o.HasDefaultValue).ToArray();
        Assert.NotEmpty(outs);
        foreach (var option in outs)
        {
            var path = Assert.IsType<string>(option.GetDefaultValue());
            Assert.False(path.StartsWith("firmware-config", StringComparison.Ordinal) || path.StartsWith("docs", StringComparison.Ordinal), $"an --out defaults to {path}");
        }
    }

    private static IEnumerable<Command> Commands(Command command) => command.Subcommands.SelectMany(Commands).Prepend(command);
}
