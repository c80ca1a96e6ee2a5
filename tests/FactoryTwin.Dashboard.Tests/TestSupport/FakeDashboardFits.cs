using FactoryTwin.Server.Fitting;

namespace FactoryTwin.Dashboard.Tests.TestSupport;

/// <summary>Plant fits a test sets by hand: the latest run, and what a run returns (or throws), optionally held back.</summary>
internal sealed class FakeDashboardFits : IDashboardFits
{
    /// <summary>Gets or sets the latest run (<see langword="null"/>: none yet).</summary>
    public PlantFitRunView? Run { get; set; }

    /// <summary>Gets or sets what a run returns; by default it is done with <see cref="Run"/>.</summary>
    public PlantFitOutcome? Outcome { get; set; }

    /// <summary>Gets or sets an exception every run throws (the historian is unavailable, say).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Gets or sets a gate that holds runs back until it completes.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Gets the ranges and users of the runs asked for.</summary>
    public List<(DateTimeOffset? From, DateTimeOffset? To, string User)> Calls { get; } = [];

    public int Stations { get; set; } = 2;

    public PlantFitRunView? Latest() => Run;

    public async Task<PlantFitOutcome> RunAsync(DateTimeOffset? from, DateTimeOffset? to, string user, IProgress<int>? progress, CancellationToken cancellationToken = default)
    {
        Calls.Add((from, to, user));
        progress?.Report(1);
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        var outcome = Outcome ?? PlantFitOutcome.Done(Run ?? throw new InvalidOperationException("Set Run or Outcome."));
        if (outcome.Run is { } run)
        {
            Run = run;
        }

        return outcome;
    }
}
