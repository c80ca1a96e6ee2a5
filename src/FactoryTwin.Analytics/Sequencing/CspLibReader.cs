using System.Globalization;
using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Analytics.Sequencing;

/// <summary>
/// Reads the car-sequencing instance format of CSPLib problem 001 (Dincbas, Simonis and Van Hentenryck 1988):
/// <list type="number">
/// <item>a line with the number of cars, options and classes;</item>
/// <item>a line with each option's p (at most p cars with the option …);</item>
/// <item>a line with each option's q (… in any q consecutive cars);</item>
/// <item>one line per class: the class id, the number of cars of the class, then one 0/1 flag per option.</item>
/// </list>
/// Numbers are separated by spaces or tabs; blank lines and lines starting with <c>#</c> are skipped. Bad input is
/// never thrown: each problem is a diagnostic naming the line, the column and what is wrong.
/// </summary>
public static class CspLibReader
{
    /// <summary>Reads a file.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The instance, or diagnostics.</returns>
    public static CarSequencingReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new CarSequencingReadResult(null, [new Diagnostic(new SourceLocation(path, 1, 1), DiagnosticSeverity.Error, DiagnosticCode.FileError, $"cannot read the file: {ex.Message}")]);
        }
    }

    /// <summary>Parses instance text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <returns>The instance, or diagnostics.</returns>
    public static CarSequencingReadResult Parse(string text, string file = "instance.txt")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var bag = new DiagnosticBag();
        var lines = new List<(int Line, List<(string Text, int Column)> Numbers)>();
        var raw = text.Split('\n');
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i].TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            lines.Add((i + 1, Tokens(line)));
        }

        if (lines.Count == 0)
        {
            bag.Error(new SourceLocation(file, 1, 1), DiagnosticCode.MissingField, "the file is empty: expected a first line 'cars options classes'.");
            return new CarSequencingReadResult(null, bag.Items);
        }

        var head = lines[0];
        if (head.Numbers.Count != 3)
        {
            bag.Error(new SourceLocation(file, head.Line, 1), DiagnosticCode.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"the first line must hold three numbers: cars, options and classes; it holds {head.Numbers.Count}."));
            return new CarSequencingReadResult(null, bag.Items);
        }

        var cars = Number(bag, file, head.Line, head.Numbers[0], "the number of cars", 1, SequencingProblem.MaxBodies);
        var optionCount = Number(bag, file, head.Line, head.Numbers[1], "the number of options", 0, 30);
        var classCount = Number(bag, file, head.Line, head.Numbers[2], "the number of classes", 1, 100_000);
        if (bag.HasErrors)
        {
            return new CarSequencingReadResult(null, bag.Items);
        }

        if (lines.Count < 3 + classCount)
        {
            var expected = 3 + classCount;
            bag.Error(new SourceLocation(file, lines[^1].Line, 1), DiagnosticCode.MissingField, string.Create(CultureInfo.InvariantCulture, $"the file ends after {lines.Count} lines; expected {expected}: the header, the p line, the q line and {classCount} class lines."));
            return new CarSequencingReadResult(null, bag.Items);
        }

        var p = Row(bag, file, lines[1], optionCount, "p line (each option's p)");
        var q = Row(bag, file, lines[2], optionCount, "q line (each option's q)");
        var ratios = new List<OptionRatio>(optionCount);
        if (p is not null && q is not null)
        {
            for (var o = 0; o < optionCount; o++)
            {
                if (q[o] < 1 || p[o] < 0 || p[o] > q[o])
                {
                    bag.Error(new SourceLocation(file, lines[1].Line, lines[1].Numbers[o].Column), DiagnosticCode.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"option {o + 1} has ratio {p[o]}/{q[o]}; it needs 0 <= p <= q and q >= 1."));
                }

                ratios.Add(new OptionRatio(CarSequencingInstance.OptionName(o), p[o], q[o]));
            }
        }

        var classes = new List<CarClass>(classCount);
        var ids = new Dictionary<int, int>();
        var total = 0L;
        for (var c = 0; c < classCount; c++)
        {
            var (lineNo, numbers) = lines[3 + c];
            var row = Row(bag, file, lines[3 + c], 2 + optionCount, "class line (class id, count, then one 0/1 flag per option)");
            if (row is null)
            {
                continue;
            }

            if (ids.TryGetValue(row[0], out var first))
            {
                bag.Error(new SourceLocation(file, lineNo, numbers[0].Column), DiagnosticCode.DuplicateId, string.Create(CultureInfo.InvariantCulture, $"class {row[0]} is listed again; it was first listed on line {first}."));
            }
            else
            {
                ids[row[0]] = lineNo;
            }

            if (row[1] < 0)
            {
                bag.Error(new SourceLocation(file, lineNo, numbers[1].Column), DiagnosticCode.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"class {row[0]} has {row[1]} cars; a count must not be negative."));
            }

            var flags = new bool[optionCount];
            for (var o = 0; o < optionCount; o++)
            {
                var v = row[2 + o];
                if (v is not (0 or 1))
                {
                    bag.Error(new SourceLocation(file, lineNo, numbers[2 + o].Column), DiagnosticCode.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"the flag of option {o + 1} of class {row[0]} is {v}; it must be 0 or 1."));
                }

                flags[o] = v == 1;
            }

            total += Math.Max(0, row[1]);
            classes.Add(new CarClass(row[0], row[1], flags));
        }

        if (lines.Count > 3 + classCount)
        {
            var extra = lines[3 + classCount];
            bag.Error(new SourceLocation(file, extra.Line, 1), DiagnosticCode.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"unexpected line after the {classCount} class lines the header announced."));
        }

        if (!bag.HasErrors && total != cars)
        {
            bag.Error(new SourceLocation(file, head.Line, head.Numbers[0].Column), DiagnosticCode.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"the header announces {cars} cars but the classes count {total}."));
        }

        return bag.HasErrors ? new CarSequencingReadResult(null, bag.Items) : new CarSequencingReadResult(new CarSequencingInstance(cars, ratios, classes), bag.Items);
    }

    private static List<(string Text, int Column)> Tokens(string line)
    {
        var tokens = new List<(string, int)>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
            {
                i++;
            }

            var start = i;
            while (i < line.Length && line[i] != ' ' && line[i] != '\t')
            {
                i++;
            }

            if (i > start)
            {
                tokens.Add((line[start..i], start + 1));
            }
        }

        return tokens;
    }

    private static int[]? Row(DiagnosticBag bag, string file, (int Line, List<(string Text, int Column)> Numbers) line, int count, string what)
    {
        if (line.Numbers.Count != count)
        {
            bag.Error(new SourceLocation(file, line.Line, 1), DiagnosticCode.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"the {what} must hold {count} numbers; it holds {line.Numbers.Count}."));
            return null;
        }

        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            if (!int.TryParse(line.Numbers[i].Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]))
            {
                bag.Error(new SourceLocation(file, line.Line, line.Numbers[i].Column), DiagnosticCode.InvalidValue, $"'{line.Numbers[i].Text}' in the {what} is not a whole number.");
                return null;
            }
        }

        return values;
    }

    private static int Number(DiagnosticBag bag, string file, int line, (string Text, int Column) token, string what, int min, int max)
    {
        if (!int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            bag.Error(new SourceLocation(file, line, token.Column), DiagnosticCode.InvalidValue, $"{what} '{token.Text}' is not a whole number.");
            return 0;
        }

        if (value < min || value > max)
        {
            bag.Error(new SourceLocation(file, line, token.Column), DiagnosticCode.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"{what} is {value}; it must be {min} to {max}."));
        }

        return value;
    }
}
