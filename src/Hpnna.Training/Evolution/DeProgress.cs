namespace Hpnna.Training.Evolution;

/// <summary>
/// The run after one generation (generation 0 is the random start): the best member seen so far (restarts
/// included), the current population's mean, and how many restarts have happened.
/// </summary>
public readonly record struct DeProgress(int Generation, double BestFitness, double MeanFitness, bool BestSolves, long Evaluations, int Restarts = 0);
