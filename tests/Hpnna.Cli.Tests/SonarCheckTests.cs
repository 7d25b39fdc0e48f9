using System.Globalization;
using System.Text.RegularExpressions;

namespace Hpnna.Cli.Tests;

/// <summary>
/// <c>hpnna robot sonar-check</c> on the simulated GPIO, with the production settings' five modules. Alone on the
/// machine: the dotnet/iot binding times the echo by busy-polling its pin, so a busy machine stretches its reading.
/// </summary>
[Collection(SonarCheckTests.Alone)]
public sealed class SonarCheckTests
{
    public const string Alone = "sonar check, alone";

    private static string Settings => CliRun.RepositoryFile("firmware-config/settings/appsettings.Production.json");

    [Fact]
    public void The_binding_and_the_driver_agree_within_1_cm_and_a_silent_module_is_no_echo_from_either()
    {
        double?[] ranges = [0.5, 1.2, 2.47, null, 3.1];
        var run = CliRun.AsProcess("robot", "sonar-check", "--settings", Settings, "--simulate", string.Join(',', ranges.Select(r => r?.ToString(CultureInfo.InvariantCulture) ?? "none")));

        var rows = run.Output.Split('\n').Skip(1).Where(l => l.Length > 0).ToArray();
        Assert.Equal(5, rows.Length);
        string[] names = ["right", "front-right", "front", "front-left", "left"];
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.StartsWith(names[i], rows[i]);

            // Columns: module, trigger, echo, the binding's reading, the project driver's reading, verdict.
            var readings = Regex.Matches(rows[i], @"(\d+\.\d) cm|no echo").Take(2).Select(m => m.Groups[1].Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 100 : (double?)null).ToArray();
            Assert.Equal(2, readings.Length);
            if (ranges[i] is { } metres)
            {
                Assert.True(readings[1] is { } driver && Math.Abs(driver - metres) <= 0.01, $"{names[i]}: the driver read {readings[1]} m for {metres} m");
                Assert.True(readings[0] is { } binding && Math.Abs(binding - metres) <= 0.01, $"{names[i]}: the binding read {readings[0]} m for {metres} m");
                Assert.EndsWith(" ok", rows[i].TrimEnd());
            }
            else
            {
                Assert.Null(readings[1]);
                Assert.Contains("no echo from either", rows[i]);
            }
        }

        // A module that answers neither driver is a fault to look at: not a passing check.
        Assert.Equal(2, run.ExitCode);
    }

    [Theory]
    [InlineData("--simulate needs one range per module (5: right, front-right, front, front-left, left); got 2", "--simulate", "1,2")]
    [InlineData("--simulate: 'far' is not a range from 0.02 to 4 m or 'none'", "--simulate", "1,2,far,1,1")]
    [InlineData("--reads must be between 1 and 100 (got 0)", "--reads", "0", "--simulate", "1,1,1,1,1")]
    public void Bad_arguments_get_one_clear_error(string message, params string[] args)
    {
        var run = CliRun.InProcess(["robot", "sonar-check", "--settings", Settings, .. args]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: {message}", run.Error.Trim());
    }

    [Fact]
    public void A_settings_file_without_modules_is_one_clear_error()
    {
        var run = CliRun.InProcess("robot", "sonar-check", "--settings", CliRun.RepositoryFile("src/Hpnna.Host/appsettings.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("has no Hpnna:Hardware:SonarModules to check", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }
}

[CollectionDefinition(SonarCheckTests.Alone, DisableParallelization = true)]
public sealed class SonarCheckAlone;
