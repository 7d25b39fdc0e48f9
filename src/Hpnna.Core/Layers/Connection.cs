using System.Globalization;
using System.Text.RegularExpressions;

namespace Hpnna.Core.Layers;

/// <summary>The three kinds of connection into a slow neuron.</summary>
public enum ConnectionKind
{
    /// <summary>W[i][j]: from slow neuron j to slow neuron i.</summary>
    Recurrent,

    /// <summary>V[i][k]: from external input k to slow neuron i.</summary>
    Input,

    /// <summary>b[i]: the bias of slow neuron i, a weight from a constant unit of activity 1.</summary>
    Bias,
}

/// <summary>
/// One connection of a layer, written as in the equations: <c>W[i][j]</c>, <c>V[i][k]</c> or <c>b[i]</c>.
/// </summary>
public readonly partial record struct Connection(ConnectionKind Kind, int Target, int Source)
{
    public static Connection Recurrent(int target, int source) => new(ConnectionKind.Recurrent, target, source);

    public static Connection Input(int target, int input) => new(ConnectionKind.Input, target, input);

    public static Connection Bias(int target) => new(ConnectionKind.Bias, target, 0);

    /// <summary>
    /// The index of this connection's source in the layer's source vector [x_0..x_N-1, u_0..u_Q-1, 1].
    /// </summary>
    public int SourceSlot(int neuronCount, int inputCount) => Kind switch
    {
        ConnectionKind.Recurrent => Source,
        ConnectionKind.Input => neuronCount + Source,
        _ => neuronCount + inputCount,
    };

    public override string ToString() => Kind switch
    {
        ConnectionKind.Recurrent => string.Create(CultureInfo.InvariantCulture, $"W[{Target}][{Source}]"),
        ConnectionKind.Input => string.Create(CultureInfo.InvariantCulture, $"V[{Target}][{Source}]"),
        _ => string.Create(CultureInfo.InvariantCulture, $"b[{Target}]"),
    };

    /// <summary>Parses <c>W[i][j]</c>, <c>V[i][k]</c> or <c>b[i]</c>; bounds are checked by the layer's validation.</summary>
    public static bool TryParse(string? text, out Connection connection)
    {
        connection = default;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var target = int.Parse(match.Groups["i"].Value, CultureInfo.InvariantCulture);
        var hasSource = match.Groups["j"].Success;
        switch (match.Groups["kind"].Value)
        {
            case "W" when hasSource:
                connection = Recurrent(target, int.Parse(match.Groups["j"].Value, CultureInfo.InvariantCulture));
                return true;
            case "V" when hasSource:
                connection = Input(target, int.Parse(match.Groups["j"].Value, CultureInfo.InvariantCulture));
                return true;
            case "b" when !hasSource:
                connection = Bias(target);
                return true;
            default:
                return false;
        }
    }

    [GeneratedRegex(@"^\s*(?<kind>[WVb])\[(?<i>\d{1,6})\](\[(?<j>\d{1,6})\])?\s*$")]
    private static partial Regex Pattern();
}
