namespace Hpnna.Host.Tests;

/// <summary>The service's command line and settings as a user meets them: help, version, and one line for each mistake.</summary>
[Collection("processes")]
public sealed class HostCommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_prints_the_usage_and_every_settings_key_and_starts_nothing(string option)
    {
        var (code, output, error) = HostProcess.Run(option);
        Assert.Equal(0, code);
        Assert.StartsWith("hpnna-host: the HPNNA controller service", output);
        Assert.Contains("  --goal         Hpnna:Goal", output);
        Assert.Contains("  Hpnna:Simulator:Lambda", output);
        Assert.Contains("  Hpnna:Hardware:SonarModules:N:TriggerPin", output);
        Assert.DoesNotContain("Backend simulator", output);
        Assert.DoesNotContain("Run ended", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void Version_prints_the_version_and_starts_nothing()
    {
        var (code, output, _) = HostProcess.Run("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^hpnna-host \d+\.\d+\.\d+", output.Trim());
        Assert.Single(output.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("error: unknown option --gaol; did you mean --goal? (hpnna-host --help lists them)", "--gaol", "G3")]
    [InlineData("error: option --goal needs a value", "--goal")]
    [InlineData("error: unexpected argument 'G3' (options take the form --goal G3 or --Hpnna:Key value; hpnna-host --help lists them)", "G3")]
    [InlineData("error: settings: Hpnna:Simulatr is not a setting; did you mean Simulator?", "--Hpnna:Simulatr:Lambda", "2")]
    [InlineData("error: settings: Hpnna:Backend must be one of Simulator, Hardware, Hil (got 'Hardwar')", "--backend", "Hardwar")]
    [InlineData("error: settings: Hpnna:CommandLink:AllowUnauthenticated must be true or false (got 'maybe')", "--Hpnna:CommandLink:AllowUnauthenticated", "maybe")]
    public void A_mistake_on_the_command_line_is_refused_in_one_line_before_anything_starts(string message, params string[] args)
    {
        var (code, output, error) = HostProcess.Run(args);
        Assert.Equal(1, code);
        Assert.Equal(message, error.Trim());
        Assert.Equal("", output);
    }

    [Fact]
    public void A_misspelt_key_in_the_environment_is_refused_with_the_nearest_key()
    {
        using var host = HostProcess.Start(new Dictionary<string, string> { ["HPNNA__GAOL"] = "G3" });
        Assert.Equal(1, host.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Equal("error: settings: Hpnna:GAOL is not a setting; did you mean Goal?", host.Error.Trim());
    }

    [Fact]
    public void A_settings_file_that_is_not_JSON_is_refused_in_one_line_naming_the_file()
    {
        var environment = $"Broken{Guid.NewGuid():N}";
        var file = Path.Combine(ChildProcess.ProgramFolder, $"appsettings.{environment}.json");
        File.WriteAllText(file, "{ \"Hpnna\": { \"Goal\": \"G3\", } ");
        try
        {
            using var host = HostProcess.Start(new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = environment });
            Assert.Equal(1, host.WaitForExit(TimeSpan.FromSeconds(60)));
            Assert.StartsWith($"error: Failed to load configuration from file '{file}'.", host.Error);
            Assert.Single(host.Error.Trim().Split('\n'));
            Assert.DoesNotContain("   at ", host.Output + host.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
