namespace Hpnna.Programs.Library;

/// <summary>How a program was made: enough to repeat the run that produced it.</summary>
/// <param name="Method">The learner, e.g. "DE/rand/1/bin pop 20 F 0.85 CR 0.8".</param>
/// <param name="Task">What it was trained to do, e.g. "T3 (lrl) on three sizes (lambda 2, 3, 4)".</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Generations">Generations run.</param>
/// <param name="Fitness">The program's fitness at the end.</param>
/// <param name="Solved">Whether it met the task's success criterion.</param>
/// <param name="Date">When it was trained (ISO 8601 date).</param>
/// <param name="Command">The command line that reproduces it.</param>
public sealed record TrainingRecord(string Method, string Task, int Seed, int Generations, double Fitness, bool Solved, string Date, string Command);
