using System.Text.Json;
using Hpnna.Common.Validation;
using Hpnna.Core.Layers;

namespace Hpnna.Core.Description;

/// <summary>
/// A single program code in a file of its own: <c>{ "format": "hpnna-code/1", "network": "L1", "values": [ ... ] }</c>.
/// </summary>
/// <remarks>The program library format of the controller supersedes this for shipping; this one is for experiments.</remarks>
public static class CodeFile
{
    public const string Format = "hpnna-code/1";

    /// <summary>Reads a code and validates it against <paramref name="definition"/>; throws <see cref="InvalidDescriptionException"/>.</summary>
    public static double[] Parse(string json, string origin, LayerDefinition definition)
    {
        var model = JsonProblems.Read(json, DescriptionJsonContext.Default.CodeFileModel, origin);
        var problems = new List<Problem>();
        if (model.Format != Format)
        {
            problems.Add(new("$.format", $"must be \"{Format}\" (got '{model.Format}')"));
        }

        if (model.Network is { } network && network != definition.Name)
        {
            problems.Add(new("$.network", $"this code is for network '{network}', not '{definition.Name}'"));
        }

        if (model.Values is null)
        {
            problems.Add(new("$.values", "is required: the code's values"));
        }
        else
        {
            problems.AddRange(definition.ValidateCode(model.Values.ToArray(), "$.values"));
        }

        return problems.Count > 0 ? throw new InvalidDescriptionException(origin, problems) : [.. model.Values!];
    }

    public static string ToJson(string network, ReadOnlySpan<double> code) => JsonSerializer.Serialize(
        new CodeFileModel { Format = Format, Network = network, Values = [.. code] },
        DescriptionJsonContext.Default.CodeFileModel);
}
