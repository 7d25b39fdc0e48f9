using System.Globalization;
using Hpnna.Core.Description;

namespace Hpnna.Cli.Tests;

public sealed class NetSimulateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hpnna-cli-").FullName;

    private static string Example => CliRun.RepositoryFile("docs/examples/l1-avoid.json");

    private static string ExampleInputs => CliRun.RepositoryFile("docs/examples/approach-wall.csv");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Simulate_writes_one_row_per_step_with_every_neurons_activity()
    {
        var trajectory = Path.Combine(_directory, "trajectory.csv");

        var run = CliRun.InProcess("net", "simulate", Example, "--inputs", ExampleInputs, "--out", trajectory);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(trajectory);
        var header = lines[0].Split(',');
        Assert.Equal(61 + 1, lines.Length);                  // header, step 0 and 60 steps (one per input row)
        Assert.Equal(2 + 39, header.Length);                 // step, t, the paper's 39 neurons
        Assert.Equal(["step", "t", "linear", "angular", "W[0][0].z1"], header[..5]);
        Assert.Equal("one", header[^1]);
        Assert.StartsWith("0,0,0.5,0.5,0.01,", lines[1], StringComparison.Ordinal);
        var last = lines[^1].Split(',');
        Assert.Equal("60", last[0]);
        Assert.True(double.Parse(last[2], CultureInfo.InvariantCulture) < 0.3, "the demo code slows down for the wall ahead");
        Assert.Contains("wrote 61 rows x 41 columns", run.Output);
    }

    [Fact]
    public void Simulate_without_out_prints_a_table_of_the_slow_neurons()
    {
        var run = CliRun.InProcess("net", "simulate", Example, "--steps", "20");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("12 programmable connections (published muls, 39 neurons in all)", run.Output.ReplaceLineEndings(" ").Replace("  ", " "));
        Assert.Contains("linear", run.Output);
        Assert.Contains("angular", run.Output);
    }

    [Fact]
    public void A_code_file_replaces_the_descriptions_code()
    {
        var silent = Path.Combine(_directory, "silent.json");
        File.WriteAllText(silent, CodeFile.ToJson("L1", new double[12]));
        var withOwn = Path.Combine(_directory, "own.csv");
        var withSilent = Path.Combine(_directory, "silent.csv");

        Assert.Equal(0, CliRun.InProcess("net", "simulate", Example, "--inputs", ExampleInputs, "--out", withOwn).ExitCode);
        Assert.Equal(0, CliRun.InProcess("net", "simulate", Example, "--inputs", ExampleInputs, "--code", silent, "--out", withSilent).ExitCode);

        Assert.NotEqual(File.ReadAllLines(withOwn)[^1], File.ReadAllLines(withSilent)[^1]);
    }

    [Theory]
    [InlineData("l1", 12)]
    [InlineData("l2", 24)]
    public void Example_prints_a_description_that_reads_back(string layer, int codeLength)
    {
        var run = CliRun.InProcess("net", "example", layer, "--mul", "Precise");

        Assert.Equal(0, run.ExitCode);
        var description = NetworkDescription.Parse(run.Output, "printed");
        Assert.Equal(codeLength, description.Definition.CodeLength);
        Assert.Equal("precise", NetworkDescription.MulName(description.Definition.Mul));
    }

    [Fact]
    public void A_missing_file_is_one_clear_error()
    {
        var run = CliRun.InProcess("net", "simulate", Path.Combine(_directory, "nope.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nope.json: no such file", run.Error);
    }

    [Fact]
    public void A_bad_network_names_the_field()
    {
        var bad = Path.Combine(_directory, "bad.json");
        File.WriteAllText(bad, File.ReadAllText(Example).Replace("\"tau\": [\n    1,", "\"tau\": [\n    0,"));

        var run = CliRun.InProcess("net", "simulate", bad);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: bad.json: $.tau[0]: must be > 0 (got 0)", run.Error);
    }

    [Theory]
    [InlineData("right,left,front\n0.1,0.2\n", "line 2: has 2 values, but 'L1' has 3 inputs")]
    [InlineData("0.1,0.2,abc\n", "line 1, column 3: 'abc' is not a finite number")]
    [InlineData("0.1,0.2,NaN\n", "line 1, column 3: 'NaN' is not a finite number")]
    [InlineData("front,left,right\n0.1,0.2,0.3\n", "does not name the inputs of 'L1': right,left,front")]
    [InlineData("# nothing\n", "the file has no rows of inputs")]
    public void Bad_inputs_name_the_line(string csv, string message)
    {
        var inputs = Path.Combine(_directory, "inputs.csv");
        File.WriteAllText(inputs, csv);

        var run = CliRun.InProcess("net", "simulate", Example, "--inputs", inputs);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Theory]
    [InlineData("--steps", "0", "--steps must be between 1")]
    [InlineData("--steps", "61", "--steps 61 needs 61 rows of inputs, but approach-wall.csv has 60")]
    [InlineData("--steps", "many", "many")]
    public void Bad_step_counts_are_refused(string option, string value, string message)
    {
        var run = CliRun.InProcess("net", "simulate", Example, "--inputs", ExampleInputs, option, value);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public void A_code_of_the_wrong_length_is_refused()
    {
        var code = Path.Combine(_directory, "short.json");
        File.WriteAllText(code, CodeFile.ToJson("L1", new double[11]));

        var run = CliRun.InProcess("net", "simulate", Example, "--code", code);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("short.json: $.values: a code for 'L1' has 12 values", run.Error);
    }

    [Fact]
    public void As_a_real_process_a_user_error_is_one_line_and_no_stack_trace()
    {
        var bad = Path.Combine(_directory, "broken.json");
        File.WriteAllText(bad, "{ \"format\": \"hpnna-network/1\", \"neurons\": 2,, }");

        var run = CliRun.AsProcess("net", "simulate", bad);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: broken.json: $", run.Error, StringComparison.Ordinal);
        Assert.Contains("malformed JSON", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        Assert.DoesNotMatch(@"^\s+at \S", run.Error.Split('\n').Last(l => l.Length > 0));
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Unknown_commands_fail()
    {
        Assert.NotEqual(0, CliRun.InProcess("net", "fly").ExitCode);
        Assert.NotEqual(0, CliRun.InProcess("net", "example", "l3").ExitCode);
    }
}
