using FactoryTwin.Server.Fitting;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The dashboard's plant fits, through the REST endpoint's own <see cref="PlantFits"/>.</summary>
internal sealed class PlantDashboardFits : IDashboardFits
{
    private readonly PlantFits _fits;

    public PlantDashboardFits(PlantFits fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        _fits = fits;
    }

    public int Stations => _fits.Stations;

    public PlantFitRunView? Latest() => _fits.Latest() is [var newest, ..] ? newest : null;

    public Task<PlantFitOutcome> RunAsync(DateTimeOffset? from, DateTimeOffset? to, string user, IProgress<int>? progress, CancellationToken cancellationToken = default) =>
        _fits.RunAsync(from, to, user, null, progress, cancellationToken);
}
