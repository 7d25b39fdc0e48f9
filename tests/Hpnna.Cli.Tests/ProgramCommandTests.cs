using System.Globalization;
using System.Text.Json;

namespace Hpnna.Cli.Tests;

public sealed class ProgramCommandTests
{
    private static string L1 => CliRun.RepositoryFile("firmware-config/programs/l1-primitives.json");

    private static string L2 => CliRun.RepositoryFile("firmware-config/programs/l2-goals.json");

    [Fact]
    public void Validate_and_show_the_shipped_libraries()
    {
        var validate = CliRun.InProcess("program", "validate", L1, L2);
        Assert.Equal(0, validate.ExitCode);
        Assert.Contains("8 programs for L2 (G1, G2, G3, G4, G5, G6, G7, G8)", validate.Output);

        var show = CliRun.InProcess("program", "show", L1, "--codes");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("interpreter L1: 2 neurons, 3 inputs, code length 12", show.Output);
        foreach (var library in new[] { L1, L2 })
        {
            var lines = CliRun.InProcess("program", "show", library).Output.Split('\n');
            foreach (var (name, fitness, solved) in TrainedRecords(library))
            {
                var line = Assert.Single(lines, l => l.TrimStart().StartsWith(name + " ", StringComparison.Ordinal));
                Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"fitness {fitness:0.0000}"), line);
                Assert.Equal(solved, line.Contains(", solved,", StringComparison.Ordinal));
            }
        }
    }

    /// <summary>Each program's name, fitness and solved flag as its library file records them.</summary>
    private static IEnumerable<(string Name, double Fitness, bool Solved)> TrainedRecords(string library)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(library));
        foreach (var program in json.RootElement.GetProperty("programs").EnumerateArray())
        {
            var trained = program.GetProperty("trained");
            yield return (program.GetProperty("name").GetString()!, trained.GetProperty("fitness").GetDouble(), trained.GetProperty("solved").GetBoolean());
        }
    }

    /// <summary>A one-generation run writes its library whether or not its program solved the task (exit 0 or 2).</summary>
    private static readonly int[] SolvedOrNot = [0, 2];

    [Fact]
    public void Diff_names_the_changed_program_and_exits_2()
    {
        var changed = Path.Combine(Path.GetTempPath(), $"hpnna-diff-{Guid.NewGuid():N}.json");
        var run = CliRun.InProcess("train", "l1", "--programs", "Pr", "--generations", "1", "--population", "4", "--out", changed);
        Assert.Contains(run.ExitCode, SolvedOrNot);
        try
        {
            Assert.Equal(0, CliRun.InProcess("program", "diff", changed, changed).ExitCode);
            var diff = CliRun.InProcess("program", "diff", L1, changed);
            Assert.Equal(2, diff.ExitCode);
            Assert.Contains("Pl   removed", diff.Output);
            Assert.Matches(@"Pr   changed: largest code change \d", diff.Output);
        }
        finally
        {
            File.Delete(changed);
        }
    }

    [Fact]
    public void Copy_takes_programs_with_their_records_and_refuses_what_it_cannot_do()
    {
        var trained = Path.Combine(Path.GetTempPath(), $"hpnna-copy-from-{Guid.NewGuid():N}.json");
        var into = Path.Combine(Path.GetTempPath(), $"hpnna-copy-into-{Guid.NewGuid():N}.json");
        File.Copy(L1, into);
        try
        {
            Assert.Contains(CliRun.InProcess("train", "l1", "--programs", "Pr", "--generations", "1", "--population", "4", "--out", trained).ExitCode, SolvedOrNot);

            var copy = CliRun.InProcess("program", "copy", trained, into, "--programs", "Pr");
            Assert.Equal(0, copy.ExitCode);
            Assert.Contains("Pr copied (Pr, Pl)", copy.Output);
            var diff = CliRun.InProcess("program", "diff", trained, into).Output;
            Assert.Contains("Pr   same", diff);
            Assert.Contains("Pl   added", diff);
            Assert.Contains("--generations 1", File.ReadAllText(into));

            var unknown = CliRun.InProcess("program", "copy", trained, into, "--programs", "Pr,Pq");
            Assert.Equal(1, unknown.ExitCode);
            Assert.Contains("it has no Pq", unknown.Error);
            var other = CliRun.InProcess("program", "copy", L2, into, "--programs", "G1");
            Assert.Equal(1, other.ExitCode);
            Assert.Contains("another interpreter", other.Error);
            Assert.DoesNotContain("G1", File.ReadAllText(into));
        }
        finally
        {
            File.Delete(trained);
            File.Delete(into);
        }
    }

    [Fact]
    public void A_corrupted_library_is_one_error_with_its_json_path()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"hpnna-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(bad, File.ReadAllText(L1).Replace("\"Pr\"", "\"Px\""));
        try
        {
            var run = CliRun.InProcess("program", "validate", bad);
            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith($"error: {bad}", run.Error);
            Assert.DoesNotContain("   at ", run.Error);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void The_noise_check_scores_every_goal_code_on_fresh_noisy_copies()
    {
        // Pulses of 5-8 steps, which the robot no longer makes (its are 6): G7, which counts two, fails on some copies.
        var run = CliRun.InProcess("program", "noise", L2, "--noise", "0,10", "--copies", "20", "--pulses", "5-8");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("20 noisy copies a code and level, seed 7, on 3 sizes (lambda 2.4, 4, 5.6), 30 trigger sequences", run.Output);
        Assert.Contains("| goal | 0% | 10% |", run.Output);
        Assert.Contains("| G1 lll | 100.0% (100.0%) | 100.0% (100.0%) |", run.Output); // never switches: nothing to break
        Assert.Matches(@"\| G7 rrl \| 100\.0% \(100\.0%\) \| [0-8]?\d\.\d% ", run.Output); // counts two pulses: copies fail
    }

    [Fact]
    public void The_noise_check_uses_the_pulses_the_robot_makes_unless_told_otherwise()
    {
        var run = CliRun.InProcess("program", "noise", L2, "--noise", "10", "--copies", "10");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("pulses of 6 steps", run.Output);
        Assert.Contains("[default: 6]", CliRun.InProcess("program", "noise", "--help").Output);
    }

    [Theory]
    [InlineData("--noise", "150", "--noise must be levels between 0 and 100 percent (got '150')")]
    [InlineData("--copies", "0", "--copies must be at least 1 (got 0)")]
    [InlineData("--dataset", "huge", "--dataset: 'huge' is not a number")]
    [InlineData("--modules", "2", "--modules must be odd, from 1 to 9 (got 2)")]
    [InlineData("--pulses", "9-4", "--pulses: junction pulses need 1 <= shortest <= longest L2 steps (got 9-4)")]
    public void The_noise_check_refuses_impossible_settings(string option, string value, string message)
    {
        var run = CliRun.InProcess("program", "noise", L2, option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public void The_noise_check_needs_goal_codes()
    {
        var run = CliRun.InProcess("program", "noise", L1);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("has no goal codes (G1..G8)", run.Error);
    }
}
