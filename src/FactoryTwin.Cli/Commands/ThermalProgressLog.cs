using System.Globalization;
using FactoryTwin.Plant.ThermalCases;

namespace FactoryTwin.Cli.Commands;

/// <summary>Progress of a thermal run as plain lines (for redirected output): one line per 10 % of simulated time.</summary>
internal sealed class ThermalProgressLog(TextWriter writer, string name) : IProgress<ThermalRunProgress>
{
    private int _lastDecile = -1;

    public void Report(ThermalRunProgress value)
    {
        var decile = (int)Math.Floor(value.Fraction * 10 + 1e-9);
        if (decile <= _lastDecile)
        {
            return;
        }

        _lastDecile = decile;
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"thermal {name}: {decile * 10,3}%  t = {value.Time:0.###} s of {value.EndTime:0.###} s, {value.Steps} steps"));
    }
}
