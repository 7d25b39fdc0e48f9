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
    private readonly Option<bool> _redraw = new("--robust-redraw") { Description = "With --robust-noise: draw the noisy copies afresh every generation (and rescore the population on them) instead of once, so that DE cannot learn the copies themselves; such a run goes on for all its generations. Not with --in-hierarchy." };
    private readonly Option<bool> _refine = new("--refine") { Description = "Start from each program already in the library (the program and copies of it under --refine-spread code noise) instead of random codes." };

    // A goal code's counting breaks under a 20% spread (every neighbour failed the noise-free guard), so the
    // spread is a setting; 20% suits the wall followers.
    private readonly Option<double> _spread = new("--refine-spread") { Description = "With --refine: the relative code noise, in percent, of the first generation's copies around the program.", DefaultValueFactory = _ => 20 };

    public void AddTo(Command command)
    {
        command.Options.Add(_noise);
        command.Options.Add(_copies);
        command.Options.Add(_redraw);
        command.Options.Add(_refine);
        command.Options.Add(_spread);
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

        // A restart draws a fresh random population, which would throw the refined start away.
        return settings with { InitialMembers = CodeNoise.Neighbourhood([.. library[name].Code], settings.Population, parse.GetValue(_spread) / 100, range, settings.Seed), RestartAfter = 0 };
    }

    public RobustTraining Read(ParseResult parse)
    {
        var noise = parse.GetValue(_noise);
        var copies = parse.GetValue(_copies);
        if (!(noise >= 0 && noise <= 100))
        {
            throw new UserError($"--robust-noise must be between 0 and 100 percent (got {noise})");
        }

        var spread = parse.GetValue(_spread);
        if (!(spread > 0 && spread <= 100))
        {
            throw new UserError($"--refine-spread must be above 0 and at most 100 percent (got {spread})");
        }

        if (copies < 1)
        {
            throw new UserError($"--robust-copies must be at least 1 (got {copies})");
        }

        var redraw = parse.GetValue(_redraw);
        if (redraw && noise == 0)
        {
            throw new UserError("--robust-redraw redraws noisy copies: give --robust-noise too");
        }

        return noise == 0 ? RobustTraining.None : new RobustTraining(noise / 100, copies, redraw);
    }
}
