namespace Hpnna.Programs.Library;

/// <summary>One program of a library: its name (Pr, Pl, G1..G8, ...), its code, and how it was made (if known).</summary>
public sealed record NamedProgram(string Name, double[] Code, TrainingRecord? Trained);
