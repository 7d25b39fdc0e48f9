namespace Hpnna.Training.Sequencing;

/// <summary>A network that turns a junction trigger into a primitive selection (high = Pr) for a fixed task.</summary>
public interface ISequencer
{
    /// <summary>Back to the initial state, keeping the task and the parameters.</summary>
    void Reset();

    /// <summary>One L2 step: the trigger in, the selection out.</summary>
    double Step(double trigger);
}
