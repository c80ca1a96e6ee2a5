using System.Globalization;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>
/// Reads which probe sits on which measurement point: <c>probe=point</c> pairs separated by commas or line breaks, as in
/// <c>--map T1=roof-centre,T2=a-pillar</c> or a small file with one pair per line (<c>#</c> starts a comment line).
/// Bad input is returned as diagnostics with line and column, never thrown.
/// </summary>
public static class ProbeMap
{
    /// <summary>Parses pairs.</summary>
    /// <param name="text">The pairs.</param>
    /// <param name="source">The name used in diagnostics (a file path, or <c>--map</c>).</param>
    /// <returns>The pairs, or diagnostics.</returns>
    public static ProbeMapResult Parse(string text, string source = "--map")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var bag = new DiagnosticBag();
        var pairs = new List<ProbeMapping>();
        var lines = text.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l].TrimEnd('\r');
            if (line.AsSpan().Trim().StartsWith("#"))
            {
                continue;
            }

            foreach (var (cell, column) in CsvCells.Split(line, ','))
            {
                if (cell.Length == 0)
                {
                    continue;
                }

                var location = new SourceLocation(source, l + 1, column);
                var eq = cell.IndexOf('=', StringComparison.Ordinal);
                var probe = eq < 0 ? string.Empty : cell[..eq].Trim();
                var point = eq < 0 ? string.Empty : cell[(eq + 1)..].Trim();
                if (probe.Length == 0 || point.Length == 0)
                {
                    bag.Error(location, DiagnosticCode.InvalidValue, $"'{cell}' is not a probe=point pair (e.g. T1=roof-centre).");
                }
                else if (pairs.Any(p => string.Equals(p.Probe, probe, StringComparison.Ordinal)))
                {
                    bag.Error(location, DiagnosticCode.DuplicateId, string.Create(CultureInfo.InvariantCulture, $"probe '{probe}' is mapped twice."));
                }
                else
                {
                    pairs.Add(new ProbeMapping(probe, new PointId(point), location));
                }
            }
        }

        if (pairs.Count == 0 && !bag.HasErrors)
        {
            bag.Error(new SourceLocation(source, 1, 1), DiagnosticCode.MissingField, "the probe map is empty: give probe=point pairs, e.g. T1=roof-centre,T2=a-pillar.");
        }

        return new ProbeMapResult(bag.HasErrors ? null : pairs, bag.Items);
    }
}
