using Hpnna.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace Hpnna.Fuzz.Targets;

/// <summary>
/// A settings file (appsettings.json), read as the service reads it: JSON configuration, then the settings
/// loader (unknown keys, conversions) and validator. The acceptable failures are a file that is not JSON
/// (<see cref="InvalidDataException"/>, which the service reports in one line) and a list of problems; anything
/// thrown besides, or settings accepted with no value for a required part, is a crash.
/// </summary>
internal static class SettingsTarget
{
    // A file, as the service reads one: the JSON provider reports a file's syntax errors differently from a stream's.
    private static readonly string File = Path.Combine(Path.GetTempPath(), $"hpnna-fuzz-settings-{Environment.ProcessId}.json");

    public static void Run(byte[] input)
    {
        System.IO.File.WriteAllBytes(File, input);
        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(File, optional: false, reloadOnChange: false).Build();
        }
        catch (InvalidDataException)
        {
            // "Failed to load configuration from file ..." with the parser's reason: the service's one-line error.
            return;
        }

        var settings = SettingsLoader.TryLoad(configuration, out var problems);
        if ((settings is null) == (problems.Count == 0))
        {
            throw new InvalidOperationException($"settings {(settings is null ? "refused without a reason" : "accepted with problems")}");
        }

        if (settings is not null)
        {
            _ = settings.SonarLayout();
        }
    }
}
