using System.Globalization;
using System.Text;
using FactoryTwin.Model.Distributions;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>
/// Changes a station: its number of servers, its processing time distribution, its scrap rate, and the mean time between
/// failures and to repair of one failure mode (or of every mode). A new MTBF/MTTR rescales the mode's distribution to
/// that mean and keeps its shape (<see cref="DistributionScaling"/>). Fields left <see langword="null"/> stay.
/// </summary>
/// <param name="Station">The station's asset id.</param>
public sealed record StationChange(AssetId Station) : PlantChange
{
    /// <summary>Gets the new number of identical machines, or <see langword="null"/> to keep it.</summary>
    public int? Servers { get; init; }

    /// <summary>Gets the new processing time distribution in seconds, or <see langword="null"/> to keep it.</summary>
    public Distribution? ProcessingTime { get; init; }

    /// <summary>Gets the new scrap probability, or <see langword="null"/> to keep it.</summary>
    public double? Scrap { get; init; }

    /// <summary>Gets the failure mode whose MTBF/MTTR change (by name), or <see langword="null"/> for every mode.</summary>
    public string? FailureMode { get; init; }

    /// <summary>Gets the new mean time between failures in seconds, or <see langword="null"/> to keep it.</summary>
    public double? MeanTimeBetweenFailures { get; init; }

    /// <summary>Gets the new mean time to repair in seconds, or <see langword="null"/> to keep it.</summary>
    public double? MeanTimeToRepair { get; init; }

    /// <inheritdoc/>
    public override string Describe(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        var s = plant.FindElement(Station) as Station;
        var text = new StringBuilder($"station {Station}:");
        if (Servers is { } n)
        {
            text.Append(CultureInfo.InvariantCulture, $" servers {s?.Servers} → {n};");
        }

        if (ProcessingTime is { } p)
        {
            text.Append(CultureInfo.InvariantCulture, $" processing time mean {s?.ProcessingTime?.Mean:0.##} s → {p.Mean:0.##} s;");
        }

        if (Scrap is { } q)
        {
            text.Append(CultureInfo.InvariantCulture, $" scrap {s?.Scrap:0.####} → {q:0.####};");
        }

        string modes = FailureMode is null ? "every failure mode" : $"failure '{FailureMode}'";
        if (MeanTimeBetweenFailures is { } mtbf)
        {
            text.Append(CultureInfo.InvariantCulture, $" MTBF of {modes} → {mtbf / 3600:0.###} h;");
        }

        if (MeanTimeToRepair is { } mttr)
        {
            text.Append(CultureInfo.InvariantCulture, $" MTTR of {modes} → {mttr / 60:0.###} min;");
        }

        return text.ToString().TrimEnd(';');
    }

    /// <inheritdoc/>
    public override PlantModel Apply(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        return PlantEdit.Element<Station>(plant, Station, s =>
        {
            if (FailureMode is { } mode && !s.Failures.Any(f => string.Equals(f.Name, mode, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"Station '{Station}' has no failure mode '{mode}'.");
            }

            var failures = s.Failures.Select(f => FailureMode is null || string.Equals(f.Name, FailureMode, StringComparison.Ordinal)
                ? f with
                {
                    TimeBetweenFailures = MeanTimeBetweenFailures is { } b ? DistributionScaling.ToMean(f.TimeBetweenFailures, b) : f.TimeBetweenFailures,
                    TimeToRepair = MeanTimeToRepair is { } r ? DistributionScaling.ToMean(f.TimeToRepair, r) : f.TimeToRepair,
                }
                : f);
            return s with
            {
                Servers = Servers ?? s.Servers,
                ProcessingTime = ProcessingTime ?? s.ProcessingTime,
                Scrap = Scrap ?? s.Scrap,
                Failures = Model.Collections.ValueList.ToValueList(failures),
            };
        });
    }
}
