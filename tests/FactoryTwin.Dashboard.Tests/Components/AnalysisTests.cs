using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Server.Api;
using FactoryTwin.Server.Components.Dashboard.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Dashboard.Tests.Components;

public sealed class AnalysisTests
{
    private static WhatIfRunView Run(bool fromLive) => new(
        "w1", FakeDashboardData.Now, "erin", 20, 1, 0.95, 0, 28_800, 1.5,
        [new WhatIfKpi("throughput", "Throughput", "jobs/h", true)],
        [new WhatIfScenarioView("bigger", ["framing-merge capacity 8"], [new KpiDifferenceView("throughput", 50, 52, 2, 0.5, true, 4.2, 20)])],
        fromLive);

    [Theory]
    [InlineData(true, "live plant's state")]
    [InlineData(false, "empty plant after its warm-up")]
    public void Analysis_LatestWhatIf_SaysWhereItsRunsStarted(bool fromLive, string expected)
    {
        using var ctx = new DashboardContext();
        var runs = new AnalysisRuns();
        runs.Add(Run(fromLive));
        ctx.Services.AddSingleton(runs);

        var cut = ctx.Render<Analysis>();

        Assert.Contains(expected, cut.Find("#whatif-latest").TextContent, StringComparison.Ordinal);
        Assert.Contains("bigger", cut.Find("#whatif-table").TextContent, StringComparison.Ordinal);
    }
}
