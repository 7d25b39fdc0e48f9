namespace Hpnna.Training.Motifs;

/// <summary>How motifs are trained and how a chain hands over from one to the next (the seed's three regimes, and programs that learn their own initial state).</summary>
public enum MotifRegime
{
    /// <summary>Trained from the layer's initial state; in a chain the next motif starts from wherever the last ended.</summary>
    FixedStart,

    /// <summary>Trained from the initial state and from random states (the standard trick); chained as <see cref="FixedStart"/>.</summary>
    RandomStarts,

    /// <summary>Trained from the initial state; in a chain a preparatory phase drives the layer back to it before the next motif.</summary>
    Preparatory,

    /// <summary>Trained from an initial state learned with the code, one per program; in a chain the preparatory phase drives the layer to the next program's own state.</summary>
    LearnedStart,
}
