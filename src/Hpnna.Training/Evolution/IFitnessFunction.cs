namespace Hpnna.Training.Evolution;

/// <summary>What DE maximises. Evaluation is pure: the same candidate always gets the same result.</summary>
public interface IFitnessFunction
{
    SearchBounds Bounds { get; }

    /// <summary>
    /// A new evaluator with its own scratch state (layers, a simulated robot). DE keeps one per worker thread,
    /// so evaluators need not be thread-safe, but each evaluation must start from a clean state.
    /// </summary>
    IFitnessEvaluator CreateEvaluator();
}

/// <summary>Scores candidates on one thread at a time.</summary>
public interface IFitnessEvaluator
{
    Evaluation Evaluate(ReadOnlySpan<double> candidate);
}

/// <summary>A candidate's fitness (higher is better) and whether it does the whole task.</summary>
public readonly record struct Evaluation(double Fitness, bool Solves);
