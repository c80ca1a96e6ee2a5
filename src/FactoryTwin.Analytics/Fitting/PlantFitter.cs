using System.Collections.Immutable;
using System.Globalization;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>
/// Fits the failure, repair and processing-time distributions of every station of a plant from its history (state
/// intervals and part events): see <see cref="DistributionFitter"/> for the fits and the choice of family.
/// </summary>
public static class PlantFitter
{
    /// <summary>Fits every station that has a history.</summary>
    /// <param name="plant">The plant.</param>
    /// <param name="histories">The histories, one per station; stations without one are reported with nothing fitted.</param>
    /// <param name="since">The inclusive start of the range the histories cover.</param>
    /// <param name="until">The exclusive end of the range.</param>
    /// <param name="progress">Receives the number of stations done, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work between stations.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException"><paramref name="until"/> is not after <paramref name="since"/>.</exception>
    public static PlantFitReport Fit(PlantModel plant, IReadOnlyList<StationHistory> histories, DateTimeOffset since, DateTimeOffset until, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(histories);
        if (until <= since)
        {
            throw new ArgumentException("The end of the range must be after its start.", nameof(until));
        }

        var byStation = new Dictionary<AssetId, StationHistory>();
        foreach (var h in histories)
        {
            byStation[h.Station] = h;
        }

        var stations = ImmutableArray.CreateBuilder<StationFit>();
        int done = 0;
        foreach (var station in plant.Elements().OfType<Station>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            stations.Add(FitStation(station, byStation.GetValueOrDefault(station.Id), since, until, cancellationToken));
            progress?.Report(++done);
        }

        return new PlantFitReport(since, until, stations.ToImmutable());
    }

    private static StationFit FitStation(Station station, StationHistory? history, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var basis = station.Failures.Count > 0 ? station.Failures[0].Basis : FailureBasis.Operating;
        var notes = ImmutableArray.CreateBuilder<string>();
        if (history is null || history.States.Count == 0)
        {
            notes.Add("no state history in the range");
            return new StationFit(station.Id, basis, null, null, null, [], notes.ToImmutable());
        }

        DistributionFit? failures = null, repairs = null;
        if (station.Capacity > 1 && station.FailureScope == FailureScope.Server)
        {
            // The station's state is down only while no server works and one is down: one server's failure while another
            // works is not in the history, so its times are no measure of one server's failures and repairs.
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"failures are measured on stations whose failure stops the whole station only ({station.Capacity} servers failing each on its own); the plant file keeps them"));
        }
        else
        {
            failures = FitOrNull(HistorySamples.TimesBetweenFailures(history.States, basis, until), cancellationToken);
            repairs = FitOrNull(HistorySamples.RepairTimes(history.States, since, until), cancellationToken);
            if (failures is null)
            {
                notes.Add("no complete time between failures");
            }
        }

        if (station.Failures.Count > 1)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{station.Failures.Count} failure modes cannot be told apart from the state history; the plant file keeps them"));
        }

        DistributionFit? processing = null;
        var byVariant = ImmutableArray.CreateBuilder<VariantFit>();
        if (station.ProcessingTime is null)
        {
            notes.Add("no processing-time distribution (an oven's time is its transit time)");
        }
        else if (station.Servers > 1)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"processing times are measured on single-server stations only ({station.Servers} servers)"));
        }
        else
        {
            var samples = HistorySamples.ProcessingTimes(history.States, history.Parts, until);
            var all = new List<Observation>();
            foreach (var (variant, sample) in samples.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal))
            {
                all.AddRange(sample);
                if (FitOrNull(sample, cancellationToken) is { } fit)
                {
                    byVariant.Add(new VariantFit(variant, fit));
                }
            }

            processing = FitOrNull(all, cancellationToken);
            if (processing is null)
            {
                notes.Add("no complete part passage");
            }
        }

        return new StationFit(station.Id, basis, failures, repairs, processing, byVariant.ToImmutable(), notes.ToImmutable());
    }

    private static DistributionFit? FitOrNull(List<Observation> sample, CancellationToken cancellationToken)
    {
        var fit = DistributionFitter.Fit(sample, cancellationToken);
        return fit.Chosen is null ? null : fit;
    }
}
