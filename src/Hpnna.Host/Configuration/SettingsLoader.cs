using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.RegularExpressions;
using Hpnna.Common.Text;
using Microsoft.Extensions.Configuration;

namespace Hpnna.Host.Configuration;

/// <summary>
/// Turns the configuration's <c>Hpnna</c> section into checked settings: a key the settings do not have is refused
/// with the nearest one that exists (a misspelt key would otherwise be silently ignored and its default used), a
/// value the binder cannot convert is named by its key, then <see cref="SettingsValidator"/> checks the rules.
/// </summary>
public static class SettingsLoader
{
    /// <summary>The checked settings, or null and every problem found, each naming its key.</summary>
    public static ControllerSettings? TryLoad(IConfiguration configuration, out IReadOnlyList<string> problems)
    {
        var section = configuration.GetSection(ControllerSettings.Section);
        var unknown = new List<string>();
        foreach (var child in section.GetChildren())
        {
            Check(child, typeof(ControllerSettings), unknown);
        }

        if (unknown.Count > 0)
        {
            problems = unknown;
            return null;
        }

        ControllerSettings settings;
        try
        {
            settings = section.Get<ControllerSettings>() ?? new ControllerSettings();
        }
        catch (InvalidOperationException e)
        {
            problems = [Unconvertible(e.Message)];
            return null;
        }

        problems = SettingsValidator.Validate(settings);
        return problems.Count == 0 ? settings : null;
    }

    /// <summary>
    /// The binder's "Failed to convert configuration value 'abc' at 'Hpnna:Period' to type 'System.Double'." in the
    /// user's words: the key, the value, and what it must be (never a .NET type name).
    /// </summary>
    private static string Unconvertible(string message)
    {
        var match = Regex.Match(message, "value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'", RegexOptions.Singleline);
        if (!match.Success)
        {
            return message.ReplaceLineEndings(" ");
        }

        var type = SettingTypes(typeof(ControllerSettings)).FirstOrDefault(t => (Nullable.GetUnderlyingType(t) ?? t).FullName == match.Groups["type"].Value);
        return $"{match.Groups["key"].Value} must be {ValueKind.Expected(type)} (got '{match.Groups["value"].Value}')";
    }

    /// <summary>Every settings key, as <c>Hpnna:Simulator:Lambda</c>, for <c>--help</c>.</summary>
    public static IReadOnlyList<string> KnownKeys() =>
        [.. Leaves(typeof(ControllerSettings), ControllerSettings.Section)];

    private static void Check(IConfigurationSection node, Type owner, List<string> problems)
    {
        var properties = Settable(owner);
        var property = properties.FirstOrDefault(p => string.Equals(p.Name, node.Key, StringComparison.OrdinalIgnoreCase));
        if (property is null)
        {
            problems.Add($"{node.Path} is not a setting{ClosestName.Hint(node.Key, properties.Select(p => p.Name))}");
            return;
        }

        var type = property.PropertyType;
        if (ElementOf(type) is { } element)
        {
            foreach (var item in node.GetChildren())
            {
                if (!int.TryParse(item.Key, out _))
                {
                    problems.Add($"{item.Path} is not a list item (0, 1, ...)");
                }
                else if (IsSection(element))
                {
                    foreach (var field in item.GetChildren())
                    {
                        Check(field, element, problems);
                    }
                }
            }
        }
        else if (IsSection(type))
        {
            foreach (var child in node.GetChildren())
            {
                Check(child, type, problems);
            }
        }
    }

    private static IEnumerable<string> Leaves(Type owner, string prefix)
    {
        foreach (var property in Settable(owner))
        {
            var key = $"{prefix}:{property.Name}";
            var type = property.PropertyType;
            var element = ElementOf(type);
            var leaves = element is not null && IsSection(element) ? Leaves(element, $"{key}:N")
                : element is null && IsSection(type) ? Leaves(type, key)
                : [element is not null ? $"{key}:N" : key];
            foreach (var leaf in leaves)
            {
                yield return leaf;
            }
        }
    }

    /// <summary>Every type a setting can have: the sections, their lists' items and the leaves' types.</summary>
    private static IEnumerable<Type> SettingTypes(Type owner)
    {
        foreach (var property in Settable(owner))
        {
            var type = ElementOf(property.PropertyType) ?? property.PropertyType;
            var nested = IsSection(type) ? SettingTypes(type) : [type];
            foreach (var found in nested)
            {
                yield return found;
            }
        }
    }

    // The walk reaches the settings types through PropertyType, which the trimmer cannot follow: these keep
    // every settings type's public properties in a trimmed or ahead-of-time compiled build.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(ControllerSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(SimulatorSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(JudgeSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(CommandLinkSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(HardwareSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(SonarModuleSettings))]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Only the settings types are walked, and the DynamicDependency attributes above keep their public properties.")]
    private static PropertyInfo[] Settable(Type owner) =>
        [.. owner.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)];

    private static bool IsSection(Type type) => type.IsClass && type != typeof(string);

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[0]
        : null;
}
