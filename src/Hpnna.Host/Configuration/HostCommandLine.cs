using System.Reflection;
using Hpnna.Common.Text;

namespace Hpnna.Host.Configuration;

/// <summary>
/// The service's own command line, checked before anything starts: <c>--help</c> and <c>--version</c> answer and
/// exit, the short switches map onto settings keys, <c>--Section:Key value</c> sets any key, and anything else is
/// refused with the nearest switch, so a misspelt <c>--gaol G3</c> never runs the default goal instead.
/// </summary>
public sealed record HostCommandLine(HostCommandLine.Mode Action, string? Error = null)
{
    public enum Mode { Run, Help, Version, TimingTest, Refuse }

    /// <summary>Short switches and the settings key each sets.</summary>
    public static IReadOnlyDictionary<string, string> Switches { get; } = new Dictionary<string, string>
    {
        ["--goal"] = "Hpnna:Goal",
        ["--backend"] = "Hpnna:Backend",
        ["--period"] = "Hpnna:PeriodMilliseconds",
        ["--png"] = "Hpnna:Simulator:Png",
        ["--lambda"] = "Hpnna:Simulator:Lambda",
        ["--seed"] = "Hpnna:Simulator:Seed",
        ["--port"] = "Hpnna:Hardware:Port",
        ["--tcp"] = "Hpnna:Hardware:Tcp",
        ["--l1"] = "Hpnna:L1Programs",
        ["--l2"] = "Hpnna:L2Programs",
        ["--speed"] = "Hpnna:Simulator:Speed",
        ["--sonars"] = "Hpnna:Simulator:Sonars",
        ["--link-tcp"] = "Hpnna:CommandLink:TcpPort",
        ["--link-serial"] = "Hpnna:CommandLink:Serial",
        ["--link-key"] = "Hpnna:CommandLink:KeyFile",
    };

    private static readonly string[] Answers = ["--help", "-h", "-?", "--version"];

    public static HostCommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count >= 1 && args[0] == "--timing-test")
        {
            return new(Mode.TimingTest);
        }

        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            return new(Mode.Help);
        }

        if (args.Contains("--version"))
        {
            return new(Mode.Version);
        }

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var name = arg.Split('=', 2)[0];
            var isKey = name.StartsWith("--", StringComparison.Ordinal) && name.Contains(':') && name.Length > 3;
            if (!isKey && !Switches.ContainsKey(name))
            {
                return Refuse(arg.StartsWith('-')
                    ? $"unknown option {name}{ClosestName.Hint(name, Switches.Keys.Concat(Answers))} (hpnna-host --help lists them)"
                    : $"unexpected argument '{arg}' (options take the form --goal G3 or --Hpnna:Key value; hpnna-host --help lists them)");
            }

            if (!arg.Contains('='))
            {
                if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
                {
                    return Refuse($"option {name} needs a value");
                }

                i++;
            }
        }

        return new(Mode.Run);
    }

    public static string Usage()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("hpnna-host: the HPNNA controller service. With no settings it runs the shipped programs on the built-in simulator.");
        text.AppendLine();
        text.AppendLine("Usage: hpnna-host [options]");
        text.AppendLine("       hpnna-host --timing-test SECONDS [PERIOD_MS] [--busy] [--fifo]   the clock alone: tick lateness percentiles");
        text.AppendLine();
        text.AppendLine("Options (each sets a settings key):");
        foreach (var (option, key) in Switches)
        {
            text.AppendLine($"  {option,-14} {key}");
        }

        text.AppendLine("  --help         this text");
        text.AppendLine("  --version      the service's version");
        text.AppendLine();
        text.AppendLine("Settings keys, from appsettings.json, appsettings.Production.json (DOTNET_ENVIRONMENT=Production),");
        text.AppendLine("HPNNA__SECTION__KEY environment variables, or --Hpnna:Key value (N: a list index):");
        foreach (var key in SettingsLoader.KnownKeys())
        {
            text.AppendLine($"  {key}");
        }

        text.AppendLine();
        text.AppendLine("Exit codes: 0 run ended at its goal or stopped cleanly, 1 error or fault (robot stopped), 2 goal not reached.");
        return text.ToString();
    }

    public static string Version() =>
        $"hpnna-host {typeof(HostCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown"}";

    private static HostCommandLine Refuse(string error) => new(Mode.Refuse, error);
}
