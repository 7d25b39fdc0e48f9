using Hpnna.Common.Validation;
using Hpnna.Programs.Library;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;

namespace Hpnna.Host.Configuration;

/// <summary>
/// The program libraries the service runs: the configured ones, or the shipped ones beside the executable,
/// the L1 library chosen by the sensor layout it records. L1's programs read the sensors, so a library
/// learned with another layout is refused, naming both.
/// </summary>
internal static class ProgramChoice
{
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "programs");

    /// <exception cref="InvalidDescriptionException">A library is missing, corrupt, or learned with other sensors than <paramref name="layout"/>.</exception>
    public static ProgramSet Load(ControllerSettings settings, SensorLayout layout)
    {
        var l1 = settings.L1Programs.Length > 0 ? settings.L1Programs : ShippedL1(layout);
        var l2 = settings.L2Programs.Length > 0 ? settings.L2Programs : Path.Combine(ShippedFolder, "l2-goals.json");
        foreach (var library in new[] { l1, l2 })
        {
            ProgramLibrary.RemoveStaleTemporaries(library); // a writer killed mid-save left these
        }

        var programs = ProgramSet.Load(l1, l2);
        var learnedWith = LearnedWith(programs.L1);
        if (learnedWith != layout.Name)
        {
            throw new InvalidDescriptionException(l1, [new Problem("$.sensors", $"these L1 programs were learned with the sensor layout '{learnedWith}', but the robot carries {layout}; use the library learned for it")]);
        }

        return programs;
    }

    /// <summary>The layout an L1 library was learned with; libraries from before layouts were recorded were learned on the ring.</summary>
    public static string LearnedWith(ProgramLibrary l1) => l1.Sensors ?? PioneerSonarRing.Front.Name;

    private static string ShippedL1(SensorLayout layout)
    {
        var shipped = Directory.Exists(ShippedFolder) ? Directory.GetFiles(ShippedFolder, "l1-*.json").Order(StringComparer.Ordinal).ToArray() : [];
        return shipped.FirstOrDefault(f => LearnedWith(ProgramLibrary.Load(f)) == layout.Name)
            ?? throw new InvalidDescriptionException(ShippedFolder, [new Problem("$", $"no shipped L1 library was learned with the sensor layout {layout} (shipped: {string.Join(", ", shipped.Select(f => $"{Path.GetFileName(f)} for '{LearnedWith(ProgramLibrary.Load(f))}'"))}); set Hpnna:L1Programs to one that was")]);
    }
}
