using System.CommandLine;
using Hpnna.Core.Layers;
using Hpnna.Programs.Library;
using Hpnna.Training.Evolution;
using Hpnna.Training.Robustness;

namespace Hpnna.Cli.Commands;

/// <summary>--robust-noise, --robust-copies and --refine: learn programs that keep working under code noise.</summary>
internal sealed class RobustOptions
{
    private readonly Option<double> _noise = new("--robust-noise") { Description = "Learn under this code noise, in percent (relative standard deviation of every value); 0 = plain training.", DefaultValueFactory = _ => 0 };
    private readonly Option<int> _copies = new("--robust-copies") { Description = "Noisy copies each candidate is also scored on, with --robust-noise.", DefaultValueFactory = _ => 4 };
    private readonly Option<bool> _refine = new("--refine") { Description = $"Start from each program already in the library (the program and copies of it under {RefineSpread:P0} code noise) instead of random codes." };

    /// <summary>How far the first generation of a refinement spreads around the program (relative code noise).</summary>
    public const double RefineSpread = 0.2;

    public void AddTo(Command command)
    {
        command.Options.Add(_noise);
        command.Options.Add(_copies);
        command.Options.Add(_refine);
    }

    /// <summary>The evolution settings for learning <paramref name="name"/>: with --refine, started around its code in <paramref name="library"/>.</summary>
    public DeSettings Start(ParseResult parse, DeSettings settings, ProgramLibrary library, string name, WeightRange range)
    {
        if (!parse.GetValue(_refine))
        {
            return settings;
        }

        if (!library.Contains(name))
        {
            throw new UserError($"--refine needs {name} in the library to start from; it has {(library.Programs.Count == 0 ? "no programs" : string.Join(", ", library.Programs.Select(p => p.Name)))}");
        }

        return settings with { InitialMembers = CodeNoise.Neighbourhood([.. library[name].Code], settings.Population, RefineSpread, range, settings.Seed) };
    }

    public RobustTraining Read(ParseResult parse)
    {
        var noise = parse.GetValue(_noise);
        var copies = parse.GetValue(_copies);
        if (!(noise >= 0 && noise <= 100))
        {
            throw new UserError($"--robust-noise must be between 0 and 100 percent (got {noise})");
        }

        if (copies < 1)
        {
            throw new UserError($"--robust-copies must be at least 1 (got {copies})");
        }

        return noise == 0 ? RobustTraining.None : new RobustTraining(noise / 100, copies);
    }
}
