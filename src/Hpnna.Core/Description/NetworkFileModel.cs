using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hpnna.Core.Description;

/// <summary>The JSON shape of a network description (<c>hpnna-network/1</c>); see <see cref="NetworkDescription"/>.</summary>
internal sealed class NetworkFileModel
{
    public string? Format { get; set; }

    public string? Name { get; set; }

    public int? Neurons { get; set; }

    public int? Inputs { get; set; }

    public List<string>? NeuronNames { get; set; }

    public List<string>? InputNames { get; set; }

    public List<double>? Tau { get; set; }

    public List<double>? InitialState { get; set; }

    public List<List<double>>? Recurrent { get; set; }

    public List<List<double>>? Input { get; set; }

    public List<double>? Bias { get; set; }

    public ProgrammableModel? Programmable { get; set; }

    public string? Integrator { get; set; }

    public double? Step { get; set; }

    public int? FastSubsteps { get; set; }

    public string? UpdateOrder { get; set; }
}

internal sealed class ProgrammableModel
{
    /// <summary>"all", or a list such as ["W[0][1]", "V[1][2]", "b[0]"].</summary>
    public JsonElement? Connections { get; set; }

    public List<double>? WeightRange { get; set; }

    public string? Mul { get; set; }

    public double? Theta { get; set; }

    public List<double>? Code { get; set; }
}

/// <summary>The JSON shape of a code file (<c>hpnna-code/1</c>).</summary>
internal sealed class CodeFileModel
{
    public string? Format { get; set; }

    /// <summary>The name of the network the code was made for; checked when present.</summary>
    public string? Network { get; set; }

    public List<double>? Values { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(NetworkFileModel))]
[JsonSerializable(typeof(CodeFileModel))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class DescriptionJsonContext : JsonSerializerContext;
