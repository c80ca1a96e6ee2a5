using System.Globalization;
using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>
/// Reads a measured oven profile (CSV, like a thermal profiler export). Format:
/// <list type="bullet">
/// <item>UTF-8 text; blank lines and lines starting with <c>#</c> are ignored.</item>
/// <item>The first other line is the header: the time column's name (free text, e.g. <c>time</c>) and one name per
/// temperature column (a probe name, or a zone id for zone air temperatures). Cells are separated by <c>,</c>, or by
/// <c>;</c> or a tab when the header contains one and no comma; surrounding double quotes and spaces are removed.</item>
/// <item>Every further line is one sample: the time as seconds (<c>125</c>, <c>125.5</c>), <c>mm:ss</c> or
/// <c>hh:mm:ss</c> (seconds may have a fraction), strictly increasing; then one temperature per column in °C with a
/// <c>.</c> decimal point, whatever the machine's culture.</item>
/// </list>
/// Bad input is never thrown: every problem is returned as a diagnostic that names the line (row) and the column.
/// </summary>
public static class OvenProfileReader
{
    /// <summary>The offset between kelvin and degrees Celsius.</summary>
    public const double CelsiusOffset = 273.15;

    /// <summary>Reads a profile file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The profile, or diagnostics.</returns>
    public static OvenProfileResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new OvenProfileResult(null, [new Diagnostic(new SourceLocation(path, 1, 1), DiagnosticSeverity.Error, DiagnosticCode.FileError, $"cannot read the profile: {ex.Message}")]);
        }

        return Parse(text, path);
    }

    /// <summary>Parses profile text.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <returns>The profile, or diagnostics.</returns>
    public static OvenProfileResult Parse(string text, string file = "profile.csv")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var bag = new DiagnosticBag();
        var lines = text.Split('\n');
        var index = 0;
        string? header = null;
        var headerLine = 0;
        for (; index < lines.Length; index++)
        {
            var l = lines[index].TrimEnd('\r');
            if (!IsSkipped(l))
            {
                header = l;
                headerLine = index + 1;
                index++;
                break;
            }
        }

        if (header is null)
        {
            bag.Error(new SourceLocation(file, 1, 1), DiagnosticCode.MissingField, "the profile is empty: expected a header line 'time,<probe>,…' and then one line per sample (time in s, mm:ss or hh:mm:ss; temperatures in °C).");
            return new OvenProfileResult(null, bag.Items);
        }

        var separator = header.Contains(',', StringComparison.Ordinal) ? ',' : header.Contains(';', StringComparison.Ordinal) ? ';' : header.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        var names = CsvCells.Split(header, separator);
        if (names.Count < 2)
        {
            bag.Error(new SourceLocation(file, headerLine, header.Length + 1), DiagnosticCode.MissingField, "the header has no temperature column: expected 'time,<probe>,…' with at least one probe or zone column.");
            return new OvenProfileResult(null, bag.Items);
        }

        for (var c = 0; c < names.Count; c++)
        {
            if (names[c].Text.Length == 0)
            {
                bag.Error(new SourceLocation(file, headerLine, names[c].Column), DiagnosticCode.MissingField, string.Create(CultureInfo.InvariantCulture, $"column {c + 1} of the header has no name."));
            }
            else if (names.Take(c).Any(n => string.Equals(n.Text, names[c].Text, StringComparison.Ordinal)))
            {
                bag.Error(new SourceLocation(file, headerLine, names[c].Column), DiagnosticCode.DuplicateId, $"column '{names[c].Text}' appears twice in the header.");
            }
        }

        var times = new List<double>();
        var values = new List<double>[names.Count - 1];
        for (var c = 0; c < values.Length; c++)
        {
            values[c] = [];
        }

        var previousTime = double.NaN;
        for (; index < lines.Length; index++)
        {
            var raw = lines[index].TrimEnd('\r');
            if (IsSkipped(raw))
            {
                continue;
            }

            var row = index + 1;
            var cells = CsvCells.Split(raw, separator);
            if (cells.Count < names.Count)
            {
                bag.Error(
                    new SourceLocation(file, row, raw.Length + 1),
                    DiagnosticCode.MissingField,
                    string.Create(CultureInfo.InvariantCulture, $"row {row} has {cells.Count} cell(s) but the header has {names.Count}: column {cells.Count + 1} ('{names[cells.Count].Text}') is missing."));
                continue;
            }

            if (cells.Count > names.Count)
            {
                bag.Error(
                    new SourceLocation(file, row, cells[names.Count].Column),
                    DiagnosticCode.InvalidValue,
                    string.Create(CultureInfo.InvariantCulture, $"row {row} has {cells.Count} cells but the header names only {names.Count} columns: remove the extra cell(s) or name them in the header."));
                continue;
            }

            var ok = true;
            if (!TryParseTime(cells[0].Text, out var time))
            {
                bag.Error(
                    new SourceLocation(file, row, cells[0].Column),
                    DiagnosticCode.InvalidValue,
                    string.Create(CultureInfo.InvariantCulture, $"row {row}, column 1 ('{names[0].Text}'): '{cells[0].Text}' is not a time; write seconds (125.5), mm:ss or hh:mm:ss."));
                ok = false;
            }
            else if (!double.IsNaN(previousTime) && !(time > previousTime))
            {
                bag.Error(
                    new SourceLocation(file, row, cells[0].Column),
                    DiagnosticCode.OutOfRange,
                    string.Create(CultureInfo.InvariantCulture, $"row {row}, column 1 ('{names[0].Text}'): time {cells[0].Text} ({time:0.###} s) does not increase; the sample before is at {previousTime:0.###} s."));
                ok = false;
            }

            var temps = new double[values.Length];
            for (var c = 1; c < names.Count; c++)
            {
                var cell = cells[c];
                if (!double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var celsius) || !double.IsFinite(celsius))
                {
                    bag.Error(
                        new SourceLocation(file, row, cell.Column),
                        DiagnosticCode.InvalidValue,
                        string.Create(CultureInfo.InvariantCulture, $"row {row}, column {c + 1} ('{names[c].Text}'): '{cell.Text}' is not a temperature in °C."));
                    ok = false;
                }
                else if (celsius < -CelsiusOffset)
                {
                    bag.Error(
                        new SourceLocation(file, row, cell.Column),
                        DiagnosticCode.OutOfRange,
                        string.Create(CultureInfo.InvariantCulture, $"row {row}, column {c + 1} ('{names[c].Text}'): {cell.Text} °C is below absolute zero."));
                    ok = false;
                }
                else
                {
                    temps[c - 1] = celsius + CelsiusOffset;
                }
            }

            if (!double.IsNaN(time) && (double.IsNaN(previousTime) || time > previousTime))
            {
                previousTime = time;
            }

            if (ok)
            {
                times.Add(time);
                for (var c = 0; c < temps.Length; c++)
                {
                    values[c].Add(temps[c]);
                }
            }
        }

        if (times.Count == 0 && !bag.HasErrors)
        {
            bag.Error(new SourceLocation(file, headerLine, 1), DiagnosticCode.MissingField, "the profile has a header but no samples: add one line per sample below it.");
        }

        if (bag.HasErrors)
        {
            return new OvenProfileResult(null, bag.Items);
        }

        var columns = new List<ProfileColumn>(values.Length);
        for (var c = 0; c < values.Length; c++)
        {
            columns.Add(new ProfileColumn(names[c + 1].Text, names[c + 1].Column, headerLine, values[c]));
        }

        return new OvenProfileResult(new OvenProfile(file, times, columns), bag.Items);
    }

    /// <summary>Parses a time: seconds, <c>mm:ss</c> or <c>hh:mm:ss</c> (the last field may have a fraction).</summary>
    /// <param name="text">The cell text.</param>
    /// <param name="seconds">The time, in seconds; NaN when the text is not a time.</param>
    /// <returns>Whether the text is a time.</returns>
    public static bool TryParseTime(string text, out double seconds)
    {
        ArgumentNullException.ThrowIfNull(text);
        seconds = double.NaN;
        var parts = text.Split(':');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0))
        {
            return false;
        }

        if (!double.TryParse(parts[^1], NumberStyles.AllowDecimalPoint | (parts.Length == 1 ? NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent : NumberStyles.None), CultureInfo.InvariantCulture, out var last) || !double.IsFinite(last))
        {
            return false;
        }

        if (parts.Length > 1 && last >= 60)
        {
            return false;
        }

        var total = last;
        var scale = 60.0;
        for (var i = parts.Length - 2; i >= 0; i--)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var whole) || (i > 0 && whole >= 60))
            {
                return false;
            }

            total += whole * scale;
            scale *= 60;
        }

        seconds = total;
        return true;
    }

    private static bool IsSkipped(string line)
    {
        var trimmed = line.AsSpan().Trim();
        return trimmed.IsEmpty || trimmed[0] == '#';
    }
}
