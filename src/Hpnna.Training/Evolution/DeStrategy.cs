namespace Hpnna.Training.Evolution;

/// <summary>How a DE mutant is built before binomial crossover with its target.</summary>
public enum DeStrategy
{
    /// <summary>DE/rand/1/bin: a random base plus F times the difference of two other random members.</summary>
    RandOneBin,

    /// <summary>DE/best/1/bin: the current best plus F times the difference of two random members; greedier.</summary>
    BestOneBin,
}
