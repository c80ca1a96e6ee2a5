using FactoryTwin.Server.Fitting;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>Where the Fits page reads the latest plant fit and runs a new one; tests give the page their own.</summary>
internal interface IDashboardFits
{
    /// <summary>Gets the number of stations of the plant: a run's progress counts up to it.</summary>
    int Stations { get; }

    /// <summary>Gets the latest fit of this host — the first of <c>GET /api/v1/fit</c> — or <see langword="null"/>.</summary>
    /// <returns>The run.</returns>
    PlantFitRunView? Latest();

    /// <summary>Fits the plant from the historian as <c>POST /api/v1/fit</c> does (same validation, store and audit).</summary>
    /// <param name="from">The inclusive start, or <see langword="null"/>.</param>
    /// <param name="to">The exclusive end, or <see langword="null"/>.</param>
    /// <param name="user">Who runs it.</param>
    /// <param name="progress">Receives the stations fitted.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The run, or why there is none.</returns>
    Task<PlantFitOutcome> RunAsync(DateTimeOffset? from, DateTimeOffset? to, string user, IProgress<int>? progress, CancellationToken cancellationToken = default);
}
