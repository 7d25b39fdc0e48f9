using Hpnna.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace Hpnna.Host.Tests;

public sealed class ProductionSettingsTests
{
    [Fact]
    public void The_shipped_production_settings_bind_and_validate()
    {
        var path = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../firmware-config/settings/appsettings.Production.json"));
        var settings = new ConfigurationBuilder().AddJsonFile(path).Build().GetSection(ControllerSettings.Section).Get<ControllerSettings>()!;

        Assert.Equal(BackendKind.Hardware, settings.Backend);
        Assert.Equal(3, settings.Hardware.SonarModules.Count);
        Assert.Equal("/dev/hpnna-link", settings.CommandLink.Serial);

        // The key lives only on the Pi (/etc/hpnna/link.key); everything else must pass as shipped.
        var problems = SettingsValidator.Validate(settings);
        Assert.Equal(["Hpnna:CommandLink:KeyFile does not exist (got '/etc/hpnna/link.key')"], problems);
        settings.Hardware.Sonars = "Gpio";
        Assert.Single(SettingsValidator.Validate(settings));
    }
}
