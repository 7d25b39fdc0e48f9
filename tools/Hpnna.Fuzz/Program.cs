using Hpnna.Fuzz.Targets;
using SharpFuzz;

// hpnna-fuzz TARGET                 under afl-fuzz (fuzz.sh starts it so), one input after another in this process
// hpnna-fuzz TARGET --replay PATH...  each file (or every file in each folder) once, without afl: the corpus as a
//                                   regression test, or a crash found by afl reproduced with its exception
var targets = new Dictionary<string, Action<byte[]>>
{
    ["link"] = CommandLinkTarget.Run,
    ["library"] = LibraryTarget.Run,
    ["settings"] = SettingsTarget.Run,
    ["arcos"] = ArcosTarget.Run,
};

if (args.Length < 1 || !targets.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: hpnna-fuzz {string.Join("|", targets.Keys)} [--replay PATH...]");
    return 2;
}

if (args.Length >= 2 && args[1] == "--replay")
{
    var files = args.Skip(2).SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]).ToArray();
    var failures = 0;
    foreach (var file in files)
    {
        try
        {
            target(File.ReadAllBytes(file));
        }
        catch (Exception e)
        {
            failures++;
            Console.Error.WriteLine($"{file}: {e.GetType().Name}: {e.Message}{Environment.NewLine}{e.StackTrace}");
        }
    }

    Console.Out.WriteLine($"{args[0]}: {files.Length} inputs replayed, {failures} failed");
    return failures == 0 ? 0 : 1;
}

Fuzzer.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
