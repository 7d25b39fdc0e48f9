namespace Hpnna.Core.Layers;

/// <summary>Which mul products the slow neurons of a programmable layer read within one step.</summary>
public enum UpdateOrder
{
    /// <summary>
    /// The mul bank is advanced first and the slow drive reads its new products: the muls have tracked the
    /// current activities for a whole step. The order the robot's interpreters and shipped programs were trained with.
    /// </summary>
    FastFirst,

    /// <summary>
    /// Every neuron, slow and fast, is updated from the previous step's state, so the slow drive reads the
    /// products of the start of the step: the authors' CTRNN toolbox, which integrates a layer and its muls as one network.
    /// </summary>
    Simultaneous,
}
