using System.Xml.Linq;

namespace Hpnna.Cli.Tests;

/// <summary>The project references as docs/architecture.md draws them: nothing reaches upward, and the Pi service draws only when built to.</summary>
public sealed class ProjectDependencyTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Hpnna.Common"] = [],
        ["Hpnna.Core"] = ["Hpnna.Common"],
        ["Hpnna.Arcos"] = [],
        ["Hpnna.Robot"] = ["Hpnna.Core"],
        ["Hpnna.Programs"] = ["Hpnna.Core"],
        ["Hpnna.Devices"] = ["Hpnna.Robot", "Hpnna.Arcos"],
        ["Hpnna.Simulation"] = ["Hpnna.Robot", "Hpnna.Arcos"],
        ["Hpnna.Rendering"] = ["Hpnna.Simulation"],
        ["Hpnna.Simulation.Gpio"] = ["Hpnna.Simulation", "Hpnna.Devices"],
        ["Hpnna.Training"] = ["Hpnna.Core", "Hpnna.Programs", "Hpnna.Robot", "Hpnna.Simulation", "Hpnna.Rendering"],
        ["Hpnna.Host"] = ["Hpnna.Devices", "Hpnna.Programs", "Hpnna.Simulation", "Hpnna.Simulation.Gpio", "Hpnna.Rendering"],
    };

    [Fact]
    public void Every_source_project_references_only_what_the_architecture_allows()
    {
        var projects = Directory.GetFiles(CliRun.RepositoryFile("src"), "*.csproj", SearchOption.AllDirectories);
        Assert.Equal(Allowed.Keys.Order(), projects.Select(Path.GetFileNameWithoutExtension).Order()!);
        foreach (var project in projects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            var references = References(project).Select(r => r.Name).ToArray();
            Assert.True(references.All(Allowed[name].Contains), $"{name} references {string.Join(", ", references.Except(Allowed[name]))}, which docs/architecture.md does not allow");
        }
    }

    [Fact]
    public void The_service_carries_the_plotting_library_only_when_built_to_draw()
    {
        var host = CliRun.RepositoryFile("src/Hpnna.Host/Hpnna.Host.csproj");
        var rendering = Assert.Single(References(host), r => r.Name == "Hpnna.Rendering");
        Assert.Equal("'$(HpnnaPlots)' == 'true'", rendering.Condition);
        Assert.DoesNotContain("ScottPlot", File.ReadAllText(host), StringComparison.Ordinal);
        Assert.Contains("HpnnaPlots=false", File.ReadAllText(CliRun.RepositoryFile("firmware-config/publish-pi.sh")), StringComparison.Ordinal);
    }

    /// <summary>Each project reference's name and the condition on it or its item group, if any.</summary>
    private static IEnumerable<(string Name, string? Condition)> References(string project) =>
        XDocument.Load(project).Descendants("ProjectReference").Select(r => (
            Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')),
            r.Attribute("Condition")?.Value ?? r.Parent?.Attribute("Condition")?.Value));
}
