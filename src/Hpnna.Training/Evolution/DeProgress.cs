namespace Hpnna.Training.Evolution;

/// <summary>The population after one generation (generation 0 is the random start).</summary>
public readonly record struct DeProgress(int Generation, double BestFitness, double MeanFitness, bool BestSolves, long Evaluations);
