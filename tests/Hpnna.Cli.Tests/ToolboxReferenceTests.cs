namespace Hpnna.Cli.Tests;

/// <summary>
/// <c>hpnna net simulate</c> against trajectories of the authors' CTRNN toolbox, run under GNU Octave outside the
/// project (Toolbox/README.md gives the command): the toolbox's own demo and random networks, plain and with
/// published muls. The toolbox updates every neuron, slow and fast, from the previous step's state; so does a
/// forward-Euler description unless it says otherwise, and the interpreters' fast-first order does not.
/// </summary>
public sealed class ToolboxReferenceTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Cases => new(Names());

    public static TheoryData<string> MulCases => new(Names().Where(name => name.EndsWith("-muls", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_network_follows_the_toolbox_to_1e_9(string name)
    {
        var run = Simulate(name);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains(": within 1E-09", run.Output.ReplaceLineEndings(" "));
    }

    [Theory]
    [MemberData(nameof(MulCases))]
    public void With_muls_the_fast_first_order_departs_from_the_toolbox(string name)
    {
        var run = Simulate(name, "--update-order", "fast-first");

        Assert.Equal(CliApp.GoalNotReached, run.ExitCode);
        Assert.Contains(": over 1E-09", run.Output.ReplaceLineEndings(" "));
    }

    private static IEnumerable<string> Names() =>
        Directory.GetDirectories(CliRun.RepositoryFile("tests/Hpnna.Cli.Tests/Toolbox")).Select(folder => Path.GetFileName(folder)).Order(StringComparer.Ordinal);

    private static CliRun Simulate(string name, params string[] extra)
    {
        var folder = CliRun.RepositoryFile($"tests/Hpnna.Cli.Tests/Toolbox/{name}");
        return CliRun.InProcess([
            "net", "simulate", Path.Combine(folder, "network.json"),
            "--inputs", Path.Combine(folder, "inputs.csv"),
            "--compare", Path.Combine(folder, "expected.csv"),
            "--tolerance", Tolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            .. extra,
        ]);
    }
}
