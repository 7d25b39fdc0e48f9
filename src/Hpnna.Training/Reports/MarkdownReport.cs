using System.Globalization;
using System.Text;

namespace Hpnna.Training.Reports;

/// <summary>
/// A report as a Markdown file in its own folder, with its pictures beside it. It opens with the command
/// and seed that produced it, so that anyone can run it again.
/// </summary>
public sealed class MarkdownReport
{
    private readonly StringBuilder _text = new();

    public MarkdownReport(string directory, string title, string command, int seed)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        _text.AppendLine($"# {title}").AppendLine();
        _text.AppendLine("Produced by").AppendLine().AppendLine($"    {command}").AppendLine();
        _text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"(seed {seed}; {DateTime.UtcNow:yyyy-MM-dd}; {Environment.ProcessorCount} cores; .NET {Environment.Version}). The same command and seed give the same numbers on any machine and thread count; only the times differ."))
            .AppendLine();
    }

    public string Directory { get; }

    public void Heading(string text) => _text.AppendLine($"## {text}").AppendLine();

    public void Paragraph(string text) => _text.AppendLine(text).AppendLine();

    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _text.AppendLine("| " + string.Join(" | ", header) + " |");
        _text.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
            {
                throw new ArgumentException($"a table row has {row.Count} cells for {header.Count} columns");
            }

            _text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        _text.AppendLine();
    }

    /// <summary>The path for a picture of this report, to pass to a chart before linking it with <see cref="Image"/>.</summary>
    public string PicturePath(string fileName) => Path.Combine(Directory, fileName);

    public void Image(string caption, string fileName) => _text.AppendLine($"![{caption}]({fileName})").AppendLine();

    /// <summary>Writes README.md in the report's folder and returns its path.</summary>
    public string Save()
    {
        var path = Path.Combine(Directory, "README.md");
        File.WriteAllText(path, _text.ToString());
        return path;
    }

    public static string Number(double value, int decimals = 3) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (100 * fraction).ToString("F0", CultureInfo.InvariantCulture) + "%";
}
