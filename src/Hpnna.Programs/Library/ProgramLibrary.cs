using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hpnna.Common.Files;
using Hpnna.Common.Validation;
using Hpnna.Core.Description;
using Hpnna.Core.Layers;

namespace Hpnna.Programs.Library;

/// <summary>
/// A program library file (<c>hpnna-programs/1</c>): the interpreter the programs were trained for, and
/// named codes with how each was made, the sensor layout they were trained with (for programs that read
/// sensors: L1's; absent for goal codes, which learn on junction triggers), sealed by a SHA-256 checksum of
/// the rest of the file.
/// </summary>
/// <remarks>
/// <code>
/// {
///   "format": "hpnna-programs/1",
///   "interpreter": { "format": "hpnna-network/1", "name": "L1", ... },
///   "sensors": "hcsr04-5",
///   "programs": [ { "name": "Pr", "code": [ ... ], "trained": { "method": ..., "seed": 1, ... } } ],
///   "checksum": "sha256:..."
/// }
/// </code>
/// Loading checks everything and reports every problem with its JSON path: the format, the interpreter
/// description, each code against it (length, range, finite values), names (known to the interpreter,
/// not repeated), the checksum, and, when given, that the interpreter is the one the programs will be fed
/// to. Saving writes a temporary file, flushes it to disk and renames it over the old one, so a power cut
/// leaves either the old library or the new one.
/// </remarks>
public sealed class ProgramLibrary
{
    public const string Format = "hpnna-programs/1";

    /// <param name="sensors">The name of the sensor layout the programs were trained with, or null for programs that read no sensors.</param>
    public ProgramLibrary(LayerDefinition interpreter, IReadOnlyList<NamedProgram> programs, string? sensors = null)
        : this(interpreter, programs, sensors, Check(interpreter, programs, sensors))
    {
    }

    private ProgramLibrary(LayerDefinition interpreter, IReadOnlyList<NamedProgram> programs, string? sensors, List<Problem> problems)
    {
        if (problems.Count > 0)
        {
            throw new InvalidDescriptionException("program library", problems);
        }

        Interpreter = interpreter;
        Programs = programs;
        Sensors = sensors;
    }

    public LayerDefinition Interpreter { get; }

    /// <summary>The sensor layout the programs were trained with (<c>pioneer-front-ring</c>, <c>hcsr04-5</c>), or null for programs that read no sensors.</summary>
    public string? Sensors { get; }

    public IReadOnlyList<NamedProgram> Programs { get; }

    /// <summary>The names a library for <paramref name="interpreter"/> may hold: L1's primitives, L2's goals, anything for other networks.</summary>
    public static IReadOnlyList<string>? KnownNames(LayerDefinition interpreter) => interpreter.Name switch
    {
        "L1" => ["Pr", "Pl", "Pc"],
        "L2" => [.. Enumerable.Range(1, 8).Select(g => $"G{g}")],
        _ => null,
    };

    public NamedProgram this[string name] => Programs.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"the library for '{Interpreter.Name}' has no program '{name}' (it has {string.Join(", ", Programs.Select(p => p.Name))})");

    public bool Contains(string name) => Programs.Any(p => p.Name == name);

    /// <summary>This library with <paramref name="program"/> in it: in the place of the program of that name, else last.</summary>
    public ProgramLibrary With(NamedProgram program) =>
        new(Interpreter, Contains(program.Name) ? [.. Programs.Select(p => p.Name == program.Name ? program : p)] : [.. Programs, program], Sensors);

    public static ProgramLibrary Load(string path, LayerDefinition? expected = null)
    {
        string text;
        try
        {
            // Bounded and non-blocking: the path may come over the command link (LOAD) and name a FIFO or a device.
            var bytes = BoundedFile.ReadAllBytes(path);
            text = bytes.AsSpan().StartsWith("\uFEFF"u8) ? "\uFEFF" + Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3) : Encoding.UTF8.GetString(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidDescriptionException(path, [new Problem("$", $"cannot read the file: {e.Message}")]);
        }

        return Parse(text, path, expected);
    }

    /// <summary>Reads and checks a library; throws <see cref="InvalidDescriptionException"/> listing every problem.</summary>
    public static ProgramLibrary Parse(string json, string origin, LayerDefinition? expected = null)
    {
        var model = JsonProblems.Read(json, LibraryJsonContext.Default.LibraryFileModel, origin);
        var problems = new List<Problem>();
        if (model.Format != Format)
        {
            problems.Add(new("$.format", $"must be \"{Format}\" (got {(model.Format is null ? "nothing" : $"\"{model.Format}\"")})"));
        }

        LayerDefinition? interpreter = null;
        if (model.Interpreter is not { ValueKind: JsonValueKind.Object } element)
        {
            problems.Add(new("$.interpreter", "is required: the hpnna-network/1 description of the interpreter these programs run on"));
        }
        else
        {
            try
            {
                interpreter = NetworkDescription.Parse(element.GetRawText(), origin).Definition;
            }
            catch (InvalidDescriptionException e)
            {
                problems.AddRange(e.Problems.Select(p => p with { Path = "$.interpreter" + p.Path.TrimStart('$') }));
            }
        }

        var programs = new List<NamedProgram>();
        if (model.Programs is null)
        {
            problems.Add(new("$.programs", "is required: a list of { name, code }"));
        }
        else
        {
            for (var i = 0; i < model.Programs.Count; i++)
            {
                var p = model.Programs[i];
                if (p.Name is null || p.Code is null)
                {
                    problems.Add(new($"$.programs[{i}]", "needs a name and a code"));
                    continue;
                }

                programs.Add(new NamedProgram(p.Name, [.. p.Code], p.Trained));
            }
        }

        if (interpreter is not null)
        {
            problems.AddRange(Check(interpreter, programs, model.Sensors));
            if (expected is not null && Describe(expected) != Describe(interpreter))
            {
                problems.Add(new("$.interpreter", $"these programs were trained for a different '{interpreter.Name}' than the one they would run on ({Difference(expected, interpreter)})"));
            }
        }

        if (problems.Count == 0)
        {
            var actual = Checksum(model);
            if (model.Checksum is null)
            {
                problems.Add(new("$.checksum", "is required: the file's SHA-256 seal"));
            }
            else if (model.Checksum != actual)
            {
                problems.Add(new("$.checksum", "does not match the content: the file was edited by hand or corrupted (re-save it with hpnna, or restore it)"));
            }
        }

        // Checked above with every other problem: build without checking again.
        return problems.Count > 0 ? throw new InvalidDescriptionException(origin, problems) : new ProgramLibrary(interpreter!, programs, model.Sensors, []);
    }

    public string ToJson()
    {
        var model = ToModel();
        model.Checksum = Checksum(model);
        return JsonSerializer.Serialize(model, LibraryJsonContext.Default.LibraryFileModel) + "\n";
    }

    /// <summary>Writes the library atomically: a temporary file beside the target, flushed, then renamed over it.</summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        RemoveStaleTemporaries(full);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encoding.UTF8.GetBytes(ToJson()));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Deletes the temporary files a killed writer left beside <paramref name="path"/> (<c>.NAME.PID.tmp</c> of a
    /// process no longer running); returns how many. The service calls it at start, every save before writing.
    /// </summary>
    public static int RemoveStaleTemporaries(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var removed = 0;
        var prefix = $".{Path.GetFileName(full)}.";
        foreach (var temporary in Directory.EnumerateFiles(directory, $"{prefix}*.tmp"))
        {
            var pid = Path.GetFileName(temporary)[prefix.Length..^".tmp".Length];
            if (int.TryParse(pid, out var id) && !Running(id))
            {
                File.Delete(temporary);
                removed++;
            }
        }

        return removed;
    }

    private static bool Running(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private LibraryFileModel ToModel() => new()
    {
        Format = Format,
        Interpreter = JsonDocument.Parse(Describe(Interpreter)).RootElement.Clone(),
        Sensors = Sensors,
        Programs = [.. Programs.Select(p => new ProgramModel { Name = p.Name, Code = [.. p.Code], Trained = p.Trained })],
    };

    private static string Checksum(LibraryFileModel model)
    {
        var unsealed = new LibraryFileModel { Format = model.Format, Interpreter = model.Interpreter, Sensors = model.Sensors, Programs = model.Programs };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(unsealed, LibraryJsonContext.Default.LibraryFileModel);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static string Describe(LayerDefinition definition) => NetworkDescription.WithNeutralCode(definition).ToJson();

    private static string Difference(LayerDefinition expected, LayerDefinition actual) =>
        expected.NeuronCount != actual.NeuronCount || expected.InputCount != actual.InputCount
            ? $"{actual.NeuronCount} neurons and {actual.InputCount} inputs in the file, {expected.NeuronCount} and {expected.InputCount} expected"
            : expected.Mul != actual.Mul
                ? $"{NetworkDescription.MulName(actual.Mul)} muls in the file, {NetworkDescription.MulName(expected.Mul)} expected"
                : expected.UpdateOrder != actual.UpdateOrder
                    ? $"{NetworkDescription.UpdateOrderName(actual.UpdateOrder)} update order in the file, {NetworkDescription.UpdateOrderName(expected.UpdateOrder)} expected"
                    : "weights, time constants, step or connections differ";

    private static List<Problem> Check(LayerDefinition interpreter, IReadOnlyList<NamedProgram> programs, string? sensors)
    {
        var problems = new List<Problem>();
        if (sensors is not null && (sensors.Length is 0 or > 64 || sensors.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))))
        {
            problems.Add(new("$.sensors", $"must name a sensor layout in letters, digits, '-' and '_' (got \"{sensors}\")"));
        }

        var known = KnownNames(interpreter);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < programs.Count; i++)
        {
            var p = programs[i];
            if (known is not null && !known.Contains(p.Name))
            {
                problems.Add(new($"$.programs[{i}].name", $"'{p.Name}' is not a program of '{interpreter.Name}' (known: {string.Join(", ", known)})"));
            }

            if (!seen.Add(p.Name))
            {
                problems.Add(new($"$.programs[{i}].name", $"'{p.Name}' appears more than once"));
            }

            problems.AddRange(interpreter.ValidateCode(p.Code, $"$.programs[{i}].code"));
        }

        return problems;
    }
}
