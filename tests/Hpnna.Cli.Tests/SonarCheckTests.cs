using System.Globalization;
using System.Text.RegularExpressions;

namespace Hpnna.Cli.Tests;

/// <summary>
/// <c>hpnna robot sonar-check</c> on the simulated GPIO, with the production settings' five modules. The project's
/// driver reads kernel-stamped edges, so its range is exact; the dotnet/iot binding times the echo by busy-polling
/// its pin, so how close it comes depends on how busy the machine is: the test checks that it reads something and
/// that the verdict follows from the two readings printed, not how close it comes. Alone, to keep that noise low.
/// </summary>
[Collection(SonarCheckTests.Alone)]
public sealed class SonarCheckTests
{
    public const string Alone = "sonar check, alone";

    private static string Settings => CliRun.RepositoryFile("firmware-config/settings/appsettings.Production.json");

    [Fact]
    public void Each_module_is_read_by_both_the_verdict_follows_and_a_silent_module_is_no_echo_from_either()
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
                Assert.True(readings[0] is { } binding && binding > 0, $"{names[i]}: the binding read nothing for {metres} m");
                // The readings are printed to the millimetre: within half of one of the 1 cm line either verdict is consistent.
                var difference = Math.Abs(readings[0]!.Value - readings[1]!.Value);
                var ok = rows[i].TrimEnd().EndsWith(" ok", StringComparison.Ordinal);
                Assert.True(ok || rows[i].Contains("they disagree by more than 1 cm", StringComparison.Ordinal), rows[i]);
                Assert.True(ok == difference <= 0.01 || Math.Abs(difference - 0.01) <= 0.0005, rows[i]);
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
