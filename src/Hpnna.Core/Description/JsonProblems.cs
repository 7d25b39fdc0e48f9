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
        if (json.Length > 0 && json[0] == '\uFEFF')
        {
            throw new InvalidDescriptionException(origin, [new Problem("$", "the file starts with a byte-order mark: save it as UTF-8 without one")]);
        }

        try
        {
            if (Duplicate(json) is { } duplicate)
            {
                throw new InvalidDescriptionException(origin, [duplicate]);
            }

            return JsonSerializer.Deserialize(json, typeInfo)
                ?? throw new InvalidDescriptionException(origin, [new Problem("$", "the file holds null, not an object")]);
        }
        catch (JsonException e)
        {
            throw new InvalidDescriptionException(origin, [ToProblem(e)]);
        }
    }

    /// <summary>
    /// The first key that appears twice in one object, with its JSON path: the serializer would keep one of the
    /// two silently, and a file edited by hand must not mean something else than it reads.
    /// </summary>
    private static Problem? Duplicate(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new Stack<(HashSet<string>? Keys, string Path, int Index)>();
        string? property = null;
        string Here() => path.Count == 0 ? "$" : path.Peek().Keys is null ? $"{path.Peek().Path}[{path.Peek().Index}]" : $"{path.Peek().Path}.{property}";
        while (TryRead(ref reader))
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    Advance(path);
                    var at = Here();
                    path.Push((reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null, at, -1));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    path.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    property = reader.GetString()!;
                    if (!path.Peek().Keys!.Add(property))
                    {
                        return new Problem($"{path.Peek().Path}.{property}", $"the key '{property}' appears twice in one object");
                    }

                    break;
                default:
                    Advance(path);
                    break;
            }
        }

        return null;

        // Malformed JSON ends the scan: the serializer then says what is wrong, and where.
        static bool TryRead(ref Utf8JsonReader reader)
        {
            try
            {
                return reader.Read();
            }
            catch (JsonException)
            {
                return false;
            }
        }

        // A value in an array moves the array's index on.
        static void Advance(Stack<(HashSet<string>? Keys, string Path, int Index)> path)
        {
            if (path.Count > 0 && path.Peek().Keys is null)
            {
                var top = path.Pop();
                path.Push(top with { Index = top.Index + 1 });
            }
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
