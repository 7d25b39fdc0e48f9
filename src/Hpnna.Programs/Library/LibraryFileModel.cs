using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hpnna.Programs.Library;

internal sealed class LibraryFileModel
{
    public string? Format { get; set; }

    public JsonElement? Interpreter { get; set; }

    public string? Sensors { get; set; }

    public List<ProgramModel>? Programs { get; set; }

    public string? Checksum { get; set; }
}

internal sealed class ProgramModel
{
    public string? Name { get; set; }

    public List<double>? Code { get; set; }

    public TrainingRecord? Trained { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(LibraryFileModel))]
internal sealed partial class LibraryJsonContext : JsonSerializerContext;
