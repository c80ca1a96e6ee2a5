namespace FactoryTwin.Analytics.Ovens;

/// <summary>Splits one CSV line into trimmed cells and remembers where each starts, for diagnostics.</summary>
internal static class CsvCells
{
    /// <summary>Splits a line at <paramref name="separator"/>; quotes around a cell are removed (no quoted separators).</summary>
    public static List<(string Text, int Column)> Split(string line, char separator)
    {
        var cells = new List<(string, int)>();
        var start = 0;
        while (true)
        {
            var end = line.IndexOf(separator, start);
            var stop = end < 0 ? line.Length : end;
            var raw = line.AsSpan(start, stop - start);
            var lead = raw.Length - raw.TrimStart().Length;
            var text = raw.Trim().Trim('"').Trim().ToString();
            cells.Add((text, start + lead + 1));
            if (end < 0)
            {
                return cells;
            }

            start = end + 1;
        }
    }
}
