using System.Globalization;
using FactoryTwin.Analytics.Ovens;
using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Analytics.Sequencing;

/// <summary>
/// Reads a day's bodies from CSV, in first-come-first-served order:
/// <list type="bullet">
/// <item>UTF-8 text, cells separated by <c>,</c>; blank lines and lines starting with <c>#</c> are skipped.</item>
/// <item>A header naming the columns, in any order and case: <c>id</c>, <c>colour</c> (or <c>color</c>), and optionally
/// <c>options</c> and <c>due</c>. Other columns are ignored.</item>
/// <item>One line per body: its id (unique), colour code, options separated by <c>+</c>, <c>|</c>, <c>;</c> or spaces
/// (empty for none), and the due position (a whole number from 1; empty for none).</item>
/// </list>
/// Bad input is never thrown: each problem is a diagnostic naming the line and column.
/// </summary>
public static class BodyListReader
{
    private static readonly char[] OptionSeparators = ['+', '|', ';', ' '];

    /// <summary>Reads a file.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The bodies, or diagnostics.</returns>
    public static BodyListReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new BodyListReadResult(null, [new Diagnostic(new SourceLocation(path, 1, 1), DiagnosticSeverity.Error, DiagnosticCode.FileError, $"cannot read the file: {ex.Message}")]);
        }
    }

    /// <summary>Parses CSV text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <returns>The bodies, or diagnostics.</returns>
    public static BodyListReadResult Parse(string text, string file = "bodies.csv")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var bag = new DiagnosticBag();
        var lines = text.Split('\n');
        int id = -1, colour = -1, options = -1, due = -1, columns = 0, headerLine = 0;
        var bodies = new List<SequencingBody>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var cells = CsvCells.Split(line, ',');
            var lineNo = i + 1;
            if (headerLine == 0)
            {
                headerLine = lineNo;
                columns = cells.Count;
                for (var c = 0; c < cells.Count; c++)
                {
                    switch (cells[c].Text.ToLowerInvariant())
                    {
                        case "id": id = c; break;
                        case "colour" or "color": colour = c; break;
                        case "options": options = c; break;
                        case "due": due = c; break;
                        default: break;
                    }
                }

                if (id < 0 || colour < 0)
                {
                    bag.Error(new SourceLocation(file, lineNo, 1), DiagnosticCode.MissingField, $"the header must name the columns 'id' and 'colour' (and optionally 'options' and 'due'); it names: {string.Join(", ", cells.Select(c => $"'{c.Text}'"))}.");
                    return new BodyListReadResult(null, bag.Items);
                }

                continue;
            }

            if (cells.Count != columns)
            {
                bag.Error(new SourceLocation(file, lineNo, 1), DiagnosticCode.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"the line has {cells.Count} cells; the header has {columns}."));
                continue;
            }

            var (bodyId, idColumn) = cells[id];
            if (bodyId.Length == 0)
            {
                bag.Error(new SourceLocation(file, lineNo, idColumn), DiagnosticCode.MissingField, "the body has no id.");
                continue;
            }

            if (seen.TryGetValue(bodyId, out var firstLine))
            {
                bag.Error(new SourceLocation(file, lineNo, idColumn), DiagnosticCode.DuplicateId, string.Create(CultureInfo.InvariantCulture, $"body id '{bodyId}' was already used on line {firstLine}; ids must be unique."));
                continue;
            }

            seen[bodyId] = lineNo;
            if (cells[colour].Text.Length == 0)
            {
                bag.Error(new SourceLocation(file, lineNo, cells[colour].Column), DiagnosticCode.MissingField, $"body '{bodyId}' has no colour.");
                continue;
            }

            int? duePosition = null;
            if (due >= 0 && cells[due].Text.Length > 0)
            {
                if (!int.TryParse(cells[due].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1)
                {
                    bag.Error(new SourceLocation(file, lineNo, cells[due].Column), DiagnosticCode.InvalidValue, $"the due of body '{bodyId}' is '{cells[due].Text}'; it must be a position from 1 (a whole number) or empty.");
                    continue;
                }

                duePosition = d;
            }

            IReadOnlyList<string> list = options >= 0
                ? [.. cells[options].Text.Split(OptionSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)]
                : [];
            bodies.Add(new SequencingBody(bodyId, cells[colour].Text, list, duePosition));
        }

        if (headerLine == 0)
        {
            bag.Error(new SourceLocation(file, 1, 1), DiagnosticCode.MissingField, "the file is empty: expected a header 'id,colour,options,due' and one line per body.");
        }
        else if (bodies.Count == 0 && !bag.HasErrors)
        {
            bag.Error(new SourceLocation(file, headerLine, 1), DiagnosticCode.MissingField, "the file has a header but no bodies.");
        }

        return bag.HasErrors ? new BodyListReadResult(null, bag.Items) : new BodyListReadResult(bodies, bag.Items);
    }
}
