using System.Text;
using Hpnna.Common.Validation;
using Hpnna.Programs.Library;

namespace Hpnna.Fuzz.Targets;

/// <summary>
/// A program-library file, as LOAD and the service's start read it. The only acceptable failure is
/// <see cref="InvalidDescriptionException"/> (a user mistake, told in one message); anything else is a crash.
/// A library that loads must also survive its own round trip: saved and read back, the same programs.
/// </summary>
internal static class LibraryTarget
{
    public static void Run(byte[] input)
    {
        ProgramLibrary library;
        try
        {
            library = ProgramLibrary.Parse(Encoding.UTF8.GetString(input), "fuzz.json");
        }
        catch (InvalidDescriptionException)
        {
            return;
        }

        var again = ProgramLibrary.Parse(library.ToJson(), "round trip");
        if (again.ToJson() != library.ToJson())
        {
            throw new InvalidOperationException("a library that loads does not read back as itself");
        }
    }
}
