using System.Collections.Immutable;
using System.Globalization;
using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Distributions;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>Writes the fits of a <see cref="PlantFitReport"/> into a plant model, for review as a diff of the plant file.</summary>
public static class PlantFitEdits
{
    /// <summary>The least number of complete observations a fit needs before it replaces a distribution of the plant file.</summary>
    public const int MinimumEvents = 10;

    /// <summary>
    /// Replaces each station's processing time, and the time between failures and time to repair of its single failure
    /// mode, by the fitted family the plant file can hold (exponential or lognormal: see
    /// <see cref="DistributionFit.ChosenForPlant"/>), with the mean rounded to 4 and the cv to 3 significant digits.
    /// </summary>
    /// <param name="plant">The plant the report was fitted for.</param>
    /// <param name="report">The fits.</param>
    /// <returns>The updated plant and the changes.</returns>
    public static PlantFitUpdate Apply(PlantModel plant, PlantFitReport report)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(report);
        var fits = report.Stations.ToDictionary(s => s.Station);
        var changes = ImmutableArray.CreateBuilder<PlantFitChange>();
        var skipped = ImmutableArray.CreateBuilder<string>();

        Station Update(Station s)
        {
            if (!fits.TryGetValue(s.Id, out var fit))
            {
                return s;
            }

            if (s.ProcessingTime is { } pt && Pick(s, "processingTime", pt, fit.Processing, changes, skipped) is { } newPt)
            {
                s = s with { ProcessingTime = newPt };
            }

            if (s.Failures.Count == 1)
            {
                var mode = s.Failures[0];
                var tbf = Pick(s, "failures[0].timeBetween", mode.TimeBetweenFailures, fit.Failures, changes, skipped);
                var ttr = Pick(s, "failures[0].timeToRepair", mode.TimeToRepair, fit.Repairs, changes, skipped);
                if (tbf is not null || ttr is not null)
                {
                    s = s with { Failures = ValueList.Of(mode with { TimeBetweenFailures = tbf ?? mode.TimeBetweenFailures, TimeToRepair = ttr ?? mode.TimeToRepair }) };
                }
            }

            return s;
        }

        var updated = plant with
        {
            Areas = plant.Areas.Select(a => a with
            {
                Lines = a.Lines.Select(l => l with { Stations = l.Stations.Select(Update).ToValueList() }).ToValueList(),
            }).ToValueList(),
        };
        return new PlantFitUpdate(updated, changes.ToImmutable(), skipped.ToImmutable());
    }

    private static Distribution? Pick(Station s, string field, Distribution before, DistributionFit? fit, ImmutableArray<PlantFitChange>.Builder changes, ImmutableArray<string>.Builder skipped)
    {
        if (fit is null)
        {
            return null;
        }

        int events = fit.Count - fit.CensoredCount;
        if (events < MinimumEvents)
        {
            skipped.Add(string.Create(CultureInfo.InvariantCulture, $"{s.Id} {field}: {events} complete observations, fewer than {MinimumEvents}"));
            return null;
        }

        if (fit.ChosenForPlant is not { } chosen)
        {
            skipped.Add($"{s.Id} {field}: no exponential or lognormal fit");
            return null;
        }

        if (chosen != fit.Chosen && fit.Chosen is { } best)
        {
            skipped.Add($"{s.Id} {field}: {best.Family} fits best but the plant file cannot hold it; writing {chosen.Family}");
        }

        Distribution after = chosen.Family == DistributionFamily.Exponential
            ? new ExponentialDistribution(Round(chosen.Mean, 4))
            : new LogNormalDistribution(Round(chosen.Mean, 4), Round(chosen.Cv, 3));
        if (after == before)
        {
            return null;
        }

        changes.Add(new PlantFitChange(s.Id, field, before, after, chosen));
        return after;
    }

    private static double Round(double value, int digits)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        double scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value * scale) / scale;
    }
}
