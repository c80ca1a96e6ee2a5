using System.Collections.Immutable;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>Every family fitted to one sample, and the chosen one.</summary>
/// <param name="Count">The number of observations.</param>
/// <param name="CensoredCount">How many of them were right-censored.</param>
/// <param name="Candidates">The fits, in <see cref="DistributionFamily"/> order; a family whose fit failed is left out.</param>
/// <param name="Empirical">The Kaplan–Meier estimate of the CDF at every event time (the ECDF without censoring).</param>
/// <param name="Chosen">The fit with the least AIC among those the K–S test does not reject (the least AIC of all when every family is rejected); <see langword="null"/> when nothing could be fitted.</param>
public sealed record DistributionFit(int Count, int CensoredCount, ImmutableArray<CandidateFit> Candidates, ImmutableArray<EmpiricalPoint> Empirical, CandidateFit? Chosen)
{
    /// <summary>Gets whether every family was rejected by the K–S test.</summary>
    public bool AllRejected => Candidates.Length > 0 && Candidates.All(c => c.Rejected);

    /// <summary>Gets the best fit the plant file can hold (exponential or lognormal): the chosen one when it can, else the one of those two with the least AIC.</summary>
    public CandidateFit? ChosenForPlant =>
        Chosen?.ToPlantDistribution() is not null
            ? Chosen
            : Candidates.Where(c => c.ToPlantDistribution() is not null).OrderBy(c => c.Rejected).ThenBy(c => c.Aic).FirstOrDefault();

    /// <summary>Gets the fit of one family, or <see langword="null"/>.</summary>
    /// <param name="family">The family.</param>
    /// <returns>The fit.</returns>
    public CandidateFit? Of(DistributionFamily family) => Candidates.FirstOrDefault(c => c.Family == family);
}
