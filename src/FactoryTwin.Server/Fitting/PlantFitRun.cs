using System.Globalization;
using FactoryTwin.Analytics.Fitting;
using FactoryTwin.Historian;
using FactoryTwin.Model.Distributions;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Writing;

namespace FactoryTwin.Server.Fitting;

/// <summary>Fits a plant from a historian and proposes the updated plant file: shared by <c>factorytwin fit</c> and <c>POST /api/v1/fit</c>.</summary>
public static class PlantFitRun
{
    /// <summary>Reads the history, fits every station, and builds the updated plant and its diff.</summary>
    /// <param name="historian">The historian.</param>
    /// <param name="plant">The plant.</param>
    /// <param name="plantName">The plant file's name, for the report and the diff headers.</param>
    /// <param name="since">The inclusive start of the history.</param>
    /// <param name="until">The exclusive end.</param>
    /// <param name="progress">Receives the stations done, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report (not yet written) and the updated plant file text.</returns>
    public static async Task<(PlantFitDto Report, string UpdatedPlant)> RunAsync(IHistorian historian, PlantModel plant, string plantName, DateTimeOffset since, DateTimeOffset until, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plant);
        var histories = await HistorianFitSource.LoadAsync(historian, plant, since, until, cancellationToken).ConfigureAwait(false);
        var report = PlantFitter.Fit(plant, histories, since, until, progress, cancellationToken);
        var update = PlantFitEdits.Apply(plant, report);
        var before = PlantWriter.Write(plant);
        var after = PlantWriter.Write(update.Plant);
        var diff = UnifiedDiff.Create(before, after, plantName, plantName + " (fitted)");
        var dto = new PlantFitDto(
            plantName,
            since,
            until,
            [.. report.Stations.Select(ToDto)],
            [.. update.Changes.Select(c => new PlantFitChangeDto(c.Station.Value, c.Field, Describe(c.Before), Describe(c.After)))],
            [.. update.Skipped],
            diff,
            false);
        return (dto, after);
    }

    /// <summary>Describes a distribution in one line: <c>lognormal(mean 61.2 s, cv 0.21)</c>.</summary>
    /// <param name="d">The distribution.</param>
    /// <returns>The text.</returns>
    public static string Describe(Distribution d) => d switch
    {
        LogNormalDistribution l => string.Create(CultureInfo.InvariantCulture, $"lognormal(mean {l.MeanValue:0.###} s, cv {l.Cv:0.###})"),
        ExponentialDistribution e => string.Create(CultureInfo.InvariantCulture, $"exponential(mean {e.MeanValue:0.###} s)"),
        ConstantDistribution c => string.Create(CultureInfo.InvariantCulture, $"constant({c.Value:0.###} s)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{d.Name}(mean {d.Mean:0.###} s)"),
    };

    /// <summary>The name of a family in reports: exponential, lognormal, weibull, gamma.</summary>
    /// <param name="family">The family.</param>
    /// <returns>The name.</returns>
    public static string Name(DistributionFamily family) => family switch
    {
        DistributionFamily.LogNormal => "lognormal",
        _ => family.ToString().ToLowerInvariant(),
    };

    private static StationFitDto ToDto(StationFit s) => new(
        s.Station.Value,
        s.Basis == FailureBasis.Calendar ? "calendar" : "operating",
        ToDto(s.Failures),
        ToDto(s.Repairs),
        ToDto(s.Processing),
        [.. s.ProcessingByVariant.Select(v => new VariantFitDto(v.Variant.Value, ToDto(v.Fit)!))],
        [.. s.Notes]);

    private static FitDto? ToDto(DistributionFit? f) => f is null ? null : new FitDto(
        f.Count,
        f.CensoredCount,
        f.Chosen is { } c ? Name(c.Family) : null,
        f.AllRejected,
        [.. f.Candidates.Select(c => new FitCandidateDto(
            Name(c.Family),
            [.. c.Parameters.Select(p => new FitParameterDto(p.Name, p.Estimate, p.Lower, p.Upper, p.StandardError))],
            c.LogLikelihood,
            c.Aic,
            c.Ks,
            c.KsCritical,
            c.Rejected,
            c.Mean,
            c.Cv))],
        [.. Thin(f.Empirical)]);

    private static IEnumerable<CdfPointDto> Thin(System.Collections.Immutable.ImmutableArray<EmpiricalPoint> points)
    {
        int step = Math.Max(1, (points.Length + 199) / 200);
        for (int i = 0; i < points.Length; i += step)
        {
            yield return new CdfPointDto(points[i].Time, points[i].Probability);
        }
    }
}
