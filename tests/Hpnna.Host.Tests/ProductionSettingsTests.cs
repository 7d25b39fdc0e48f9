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
        Assert.Equal("Gpio", settings.Hardware.Sonars);
        Assert.Equal(5, settings.Hardware.SonarModules.Count);
        Assert.Equal("hcsr04-5", settings.SonarLayout().Name);
        Assert.EndsWith("l1-primitives-hcsr04.json", settings.L1Programs);
        Assert.Equal("/dev/hpnna-link", settings.CommandLink.Serial);

        // The key lives only on the Pi (/etc/hpnna/link.key); everything else must pass as shipped.
        var problems = SettingsValidator.Validate(settings);
        Assert.Equal(["Hpnna:CommandLink:KeyFile does not exist (got '/etc/hpnna/link.key')"], problems);
        settings.Hardware.Sonars = "Base";
        Assert.Single(SettingsValidator.Validate(settings));
    }

    [Fact]
    public void A_sonar_line_on_a_UART_pin_or_used_twice_is_refused_naming_both_uses()
    {
        var path = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../firmware-config/settings/appsettings.Production.json"));
        var settings = new ConfigurationBuilder().AddJsonFile(path).Build().GetSection(ControllerSettings.Section).Get<ControllerSettings>()!;
        settings.CommandLink.KeyFile = "";
        settings.CommandLink.AllowUnauthenticated = true;
        Assert.Empty(SettingsValidator.Validate(settings));

        // GPIO 5 is uart3's RXD in the shipped boot fragment (the command link's wired UART).
        settings.Hardware.SonarModules[0].TriggerPin = 5;
        Assert.Equal(["Hpnna:Hardware:SonarModules:0:TriggerPin: GPIO 5 would be both the trigger of sonar 'right' and RXD of the uart3 overlay"], SettingsValidator.Validate(settings));

        // Without uart3 the pin is free; the front-left module's echo on the left module's trigger is not.
        settings.Hardware.UartOverlays = ["uart0"];
        settings.Hardware.SonarModules[4].TriggerPin = 20;
        Assert.Equal(["Hpnna:Hardware:SonarModules:4:TriggerPin: GPIO 20 would be both the trigger of sonar 'left' and the echo of sonar 'front-left'"], SettingsValidator.Validate(settings));

        settings.Hardware.UartOverlays = ["uart9"];
        Assert.Contains("Hpnna:Hardware:UartOverlays names 'uart9', which is not one of uart0, uart2, uart3, uart4, uart5", SettingsValidator.Validate(settings));
    }
}
