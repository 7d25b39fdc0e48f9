using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hpnna.Common.Validation;
using Hpnna.Core.Layers;

namespace Hpnna.Core.Description;

/// <summary>Reads JSON into a model, turning the serializer's exceptions into one <see cref="Problem"/> a person can act on.</summary>
public static class JsonProblems
{
    public static T Read<T>(string json, JsonTypeInfo<T> typeInfo, string origin)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo)
                ?? throw new InvalidDescriptionException(origin, [new Problem("$", "the file holds null, not an object")]);
        }
        catch (JsonException e)
        {
            throw new InvalidDescriptionException(origin, [ToProblem(e)]);
        }
    }

    private static Problem ToProblem(JsonException e)
    {
        var where = e.LineNumber is { } line ? $" (line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1})" : string.Empty;
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        if (cut > 0)
        {
            message = message[..cut];
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var name = message.Split('\'') is { Length: > 1 } parts ? parts[1] : "?";
            message = $"unknown field '{name}'";
        }
        else if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            message = $"wrong type: expected {Expected(message)}";
        }
        else
        {
            message = $"malformed JSON: {message.TrimEnd('.')}";
        }

        return new Problem(e.Path ?? "$", message + where);
    }

    private static string Expected(string message) =>
        message.Contains("System.Double", StringComparison.Ordinal) ? "a number"
        : message.Contains("System.Int32", StringComparison.Ordinal) ? "a whole number"
        : message.Contains("System.String", StringComparison.Ordinal) ? "a string"
        : message.Contains("List`1", StringComparison.Ordinal) ? "an array"
        : "an object";
}
