using Hpnna.Common.Validation;
using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Core.Muls;
using Hpnna.Programs.Library;
using Xunit;

namespace Hpnna.Programs.Tests;

public sealed class ProgramLibraryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hpnna-programs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_saved_library_loads_back_with_every_value_bit_identical()
    {
        var library = Sample();
        var path = Path.Combine(_folder, "l1.json");

        library.Save(path);
        var loaded = ProgramLibrary.Load(path, InterpreterTopologies.L1());

        Assert.Equal(["Pr", "Pl"], loaded.Programs.Select(p => p.Name));
        Assert.Equal(library["Pr"].Code, loaded["Pr"].Code);
        Assert.Equal(library["Pl"].Trained, loaded["Pl"].Trained);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Adding_a_program_keeps_the_others_untouched()
    {
        var library = Sample();
        var pc = new NamedProgram("Pc", Enumerable.Repeat(1.5, 12).ToArray(), null);

        var grown = library.With(pc);

        Assert.Equal(library["Pr"].Code, grown["Pr"].Code);
        Assert.Equal(library["Pl"].Code, grown["Pl"].Code);
        Assert.Equal(pc.Code, grown["Pc"].Code);
        Assert.Equal(["Pr", "Pl", "Pc"], grown.Programs.Select(p => p.Name));
    }

    [Fact]
    public void A_replaced_program_keeps_its_place()
    {
        var library = Sample();
        var newPr = new NamedProgram("Pr", Enumerable.Repeat(-2.0, 12).ToArray(), null);

        var replaced = library.With(newPr);

        Assert.Equal(["Pr", "Pl"], replaced.Programs.Select(p => p.Name));
        Assert.Equal(newPr.Code, replaced["Pr"].Code);
        Assert.Equal(library["Pl"].Code, replaced["Pl"].Code);
    }

    [Fact]
    public void A_changed_value_breaks_the_checksum()
    {
        var json = Sample().ToJson();
        var tampered = json.Replace("1.25", "1.26", StringComparison.Ordinal);
        Assert.NotEqual(json, tampered);

        var error = Assert.Throws<InvalidDescriptionException>(() => ProgramLibrary.Parse(tampered, "l1.json"));

        Assert.Contains("$.checksum: does not match the content", error.Message);
    }

    [Fact]
    public void A_library_for_another_interpreter_is_refused()
    {
        var json = Sample().ToJson();

        var error = Assert.Throws<InvalidDescriptionException>(() => ProgramLibrary.Parse(json, "l1.json", InterpreterTopologies.L1(MulKind.Precise)));

        Assert.Contains("$.interpreter: these programs were trained for a different 'L1'", error.Message);
        Assert.Contains("published muls in the file, precise expected", error.Message);
    }

    [Fact]
    public void A_library_states_its_update_order_and_one_trained_in_another_is_refused()
    {
        var json = Sample().ToJson();
        Assert.Contains("\"updateOrder\": \"fast-first\"", json);

        var error = Assert.Throws<InvalidDescriptionException>(() => ProgramLibrary.Parse(json, "l1.json", InterpreterTopologies.L1() with { UpdateOrder = UpdateOrder.Simultaneous }));

        Assert.Contains("$.interpreter: these programs were trained for a different 'L1'", error.Message);
        Assert.Contains("fast-first update order in the file, simultaneous expected", error.Message);
    }

    [Theory]
    [InlineData("\"format\": \"hpnna-programs/1\"", "\"format\": \"hpnna-programs/9\"", "$.format: must be \"hpnna-programs/1\"")]
    [InlineData("\"name\": \"Pl\"", "\"name\": \"Pz\"", "$.programs[1].name: 'Pz' is not a program of 'L1'")]
    [InlineData("\"name\": \"Pl\"", "\"name\": \"Pr\"", "$.programs[1].name: 'Pr' appears more than once")]
    [InlineData("1.25", "\"NaN\"", "$.programs[0].code[0]")]
    [InlineData("1.25", "7.5", "$.programs[0].code[0]")]
    [InlineData("\"neurons\": 2", "\"neurons\": 0", "$.interpreter.neurons")]
    public void Bad_content_is_named_by_its_json_path(string from, string to, string expected)
    {
        var json = Sample().ToJson();
        var index = json.IndexOf(from, StringComparison.Ordinal);
        Assert.True(index >= 0, $"the sample has no '{from}'");
        var bad = json[..index] + to + json[(index + from.Length)..];

        var error = Assert.Throws<InvalidDescriptionException>(() => ProgramLibrary.Parse(bad, "l1.json"));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var error = Assert.Throws<InvalidDescriptionException>(() => ProgramLibrary.Load(Path.Combine(_folder, "none.json")));

        Assert.Contains("cannot read the file", error.Message);
    }

    [Fact]
    public void A_key_given_twice_is_refused_with_its_json_path()
    {
        var json = Sample().ToJson();
        var twice = json.Replace("\"name\": \"Pl\",", "\"name\": \"Pl\", \"name\": \"Pr\",", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDescriptionException>(() => ProgramLibrary.Parse(twice, "l1.json"));

        Assert.Equal("l1.json: $.programs[1].name: the key 'name' appears twice in one object", error.Message);
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_is_refused()
    {
        var path = Path.Combine(_folder, "bom.json");
        File.WriteAllBytes(path, [.. "\uFEFF"u8, .. System.Text.Encoding.UTF8.GetBytes(Sample().ToJson())]);

        var error = Assert.Throws<InvalidDescriptionException>(() => ProgramLibrary.Load(path));

        Assert.Equal($"{path}: $: the file starts with a byte-order mark: save it as UTF-8 without one", error.Message);
    }

    [Fact]
    public void A_device_or_a_fifo_is_read_bounded_and_without_blocking()
    {
        var tooLarge = Assert.Throws<InvalidDescriptionException>(() => ProgramLibrary.Load("/dev/zero"));
        Assert.Contains("larger than 1024 KiB", tooLarge.Message);

        var fifo = Path.Combine(_folder, "fifo.json");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])!)
        {
            mkfifo.WaitForExit(5000);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var empty = Assert.Throws<InvalidDescriptionException>(() => ProgramLibrary.Load(fifo)); // no writer: read as empty, never waited on
        Assert.StartsWith($"{fifo}: $: malformed JSON", empty.Message);
    }

    [Fact]
    public void Temporary_files_of_killed_writers_are_removed_at_the_next_save()
    {
        var path = Path.Combine(_folder, "l1.json");
        var stale = Path.Combine(_folder, ".l1.json.999999.tmp"); // no process has that id here
        var live = Path.Combine(_folder, ".l1.json.1.tmp"); // init's id: a writer still running
        File.WriteAllText(stale, "half a library");
        File.WriteAllText(live, "another save");

        Sample().Save(path);

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
        Assert.Equal(2, ProgramLibrary.Load(path).Programs.Count);
    }

    [Fact]
    public void Saving_over_a_library_replaces_it_whole()
    {
        var path = Path.Combine(_folder, "l1.json");
        Sample().Save(path);
        var grown = Sample().With(new NamedProgram("Pc", new double[12], null));

        grown.Save(path);

        Assert.Equal(3, ProgramLibrary.Load(path).Programs.Count);
    }

    private static ProgramLibrary Sample()
    {
        var record = new TrainingRecord("DE/rand/1/bin pop 20 F 0.85 CR 0.8", "Pl test", 7, 60, 1.125, true, "2026-11-22", "hpnna train l1 --seed 7");
        var pr = new double[12];
        pr[0] = 1.25;
        pr[5] = -4.999999999999999;
        pr[11] = 0.1 + 0.2;
        return new ProgramLibrary(InterpreterTopologies.L1(), [new NamedProgram("Pr", pr, null), new NamedProgram("Pl", Enumerable.Range(0, 12).Select(i => i / 3.0 - 2).ToArray(), record)]);
    }
}
