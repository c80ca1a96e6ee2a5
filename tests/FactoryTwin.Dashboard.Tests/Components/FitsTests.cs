using FactoryTwin.Server.Components.Dashboard.Pages;
using FactoryTwin.Server.Fitting;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Dashboard.Tests.Components;

public sealed class FitsTests
{
    // The automotive sample's site is Europe/Berlin: UTC+1 in November.
    private static readonly TimeSpan Berlin = TimeSpan.FromHours(1);

    private const string Diff = """
        --- fit-plant.yaml
        +++ fit-plant.yaml (fitted)
        @@ -10,3 +10,3 @@
               kind: robot-cell
        -      processingTime: { dist: lognormal, mean: 45 s, cv: 0.3 }
        +      processingTime: { dist: lognormal, mean: 47.7 s, cv: 0.31 }
               failures:

        """;

    private static FitDto Fitted(string family, bool rejected, int count, int censored, double mean, params FitParameterDto[] parameters) =>
        new(count, censored, family, rejected, [new FitCandidateDto(family, parameters, -100, 204, rejected ? 0.21 : 0.03, 0.08, rejected, mean, 0.3)], []);

    private static FitParameterDto Parameter(string name, double estimate, double lower, double upper) => new(name, estimate, lower, upper, (upper - lower) / 3.92);

    /// <summary>Station A: failures exponential but rejected by K–S, repairs and processing lognormal, the suv variant on 8 bodies only.</summary>
    private static PlantFitRunView Run(string diff = Diff) => new(
        "f1",
        FakeDashboardData.Now,
        "erin",
        1.2,
        [
            new("station-a", "processingTime", "lognormal(mean 45 s, cv 0.3)", 45),
            new("station-a", "failures[0].timeBetween", "exponential(mean 3600 s)", 3600),
            new("station-a", "failures[0].timeToRepair", "lognormal(mean 300 s, cv 0.6)", 300),
        ],
        new PlantFitDto(
            "fit-plant.yaml",
            FakeDashboardData.Now.AddDays(-7),
            FakeDashboardData.Now,
            [
                new StationFitDto(
                    "station-a",
                    "operating",
                    Fitted("exponential", true, 40, 1, 3960, Parameter("mean", 3960, 3000, 5200)),
                    Fitted("lognormal", false, 39, 0, 290, Parameter("mu", 5.5, 5.3, 5.7), Parameter("sigma", 0.55, 0.45, 0.65)),
                    Fitted("lognormal", false, 5000, 3, 47.7, Parameter("mu", 3.82, 3.81, 3.83), Parameter("sigma", 0.3, 0.29, 0.31)),
                    [
                        new VariantFitDto("sedan", Fitted("lognormal", false, 4992, 3, 47.6, Parameter("mu", 3.82, 3.81, 3.83), Parameter("sigma", 0.3, 0.29, 0.31))),
                        new VariantFitDto("suv", Fitted("gamma", false, 8, 0, 52, Parameter("shape", 9, 2, 16), Parameter("scale", 5.8, 1, 10))),
                    ],
                    []),
            ],
            [new PlantFitChangeDto("station-a", "processingTime", "lognormal(mean 45 s, cv 0.3)", "lognormal(mean 47.7 s, cv 0.31)")],
            ["station-a failures[0].timeBetween: 39 complete observations; exponential rejected"],
            diff,
            false));

    private static FakeDashboardFits Serve(DashboardContext ctx, PlantFitRunView? run)
    {
        var fits = new FakeDashboardFits { Run = run };
        ctx.Services.AddSingleton<IDashboardFits>(fits);
        return fits;
    }

    private static IEnumerable<string?> Quantities(IRenderedComponent<Fits> cut) =>
        cut.FindAll("section[data-station='station-a'] tbody tr").Select(r => r.GetAttribute("data-quantity"));

    private static string Cell(IRenderedComponent<Fits> cut, string quantity, string column) =>
        cut.Find($"section[data-station='station-a'] tr[data-quantity='{quantity}'] .ft-col-{column}").TextContent.Trim();

    [Fact]
    public void Fits_NoFitYet_SaysHowToRunOne()
    {
        using var ctx = new DashboardContext();
        Serve(ctx, null);

        var cut = ctx.Render<Fits>();

        var message = cut.Find("#fit-none").TextContent;
        Assert.Contains("No fit has run on this host yet", message, StringComparison.Ordinal);
        Assert.Contains("An engineer runs one on this page", message, StringComparison.Ordinal);
        Assert.Contains("POST /api/v1/fit", message, StringComparison.Ordinal);
        Assert.Contains("factorytwin fit", message, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#fit-latest"));
    }

    [Fact]
    public void Fits_LatestFit_ShowsEachQuantityWithChosenFamilyParametersKsAndPlantValue()
    {
        using var ctx = new DashboardContext();
        Serve(ctx, Run());

        var cut = ctx.Render<Fits>();

        Assert.Equal(["failures", "repairs", "processing", "processing:sedan", "processing:suv"], Quantities(cut));
        Assert.Equal("time between failures (operating)", Cell(cut, "failures", "quantity"));
        Assert.Equal("5000 (3)", Cell(cut, "processing", "count"));
        Assert.Equal("lognormal", Cell(cut, "processing", "family"));
        Assert.Equal("mu 3.82 [3.81, 3.83], sigma 0.3 [0.29, 0.31]", Cell(cut, "processing", "parameters"));
        Assert.Equal("0.030 / 0.080", Cell(cut, "processing", "ks"));
        Assert.Equal("47.7 s (+6.0 %)", Cell(cut, "processing", "mean"));
        Assert.Equal("lognormal(mean 45 s, cv 0.3)", Cell(cut, "processing", "plant"));
        Assert.Equal("66 min (+10.0 %)", Cell(cut, "failures", "mean"));
        Assert.Equal("exponential(mean 3600 s)", Cell(cut, "failures", "plant"));
        Assert.Equal("gamma", Cell(cut, "processing:suv", "family"));
        Assert.Contains("39 complete observations", cut.Find("#fit-skipped").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Fits_ChosenFamilyRejectedByKs_IsFlaggedPoorFit()
    {
        using var ctx = new DashboardContext();
        Serve(ctx, Run());

        var cut = ctx.Render<Fits>();

        Assert.Equal("poor fit", cut.Find("tr[data-quantity='failures'] .ft-poor-fit").TextContent);
        Assert.Equal("0.210 / 0.080", Cell(cut, "failures", "ks"));
        Assert.Empty(cut.FindAll("tr[data-quantity='processing'] .ft-poor-fit"));
        Assert.Equal("ok", cut.Find("tr[data-quantity='processing'] .ft-good-fit").TextContent);
    }

    [Fact]
    public void Fits_FewerThanTenCompleteObservations_AreFlaggedFewData()
    {
        using var ctx = new DashboardContext();
        Serve(ctx, Run());

        var cut = ctx.Render<Fits>();

        Assert.Single(cut.FindAll("tr[data-quantity='processing:suv'] .ft-few-data"));
        Assert.Empty(cut.FindAll("tr[data-quantity='processing'] .ft-few-data"));
    }

    [Fact]
    public void Fits_Diff_ColoursAddedAndRemovedLinesAndSaysHowToApplyIt()
    {
        using var ctx = new DashboardContext();
        Serve(ctx, Run());

        var cut = ctx.Render<Fits>();

        var lines = cut.FindAll("#fit-diff span");
        Assert.Equal(7, lines.Count);
        Assert.Equal(["ft-diff-file", "ft-diff-file", "ft-diff-hunk", "ft-diff-context", "ft-diff-del", "ft-diff-add", "ft-diff-context"], lines.Select(l => l.ClassName));
        Assert.Equal("+      processingTime: { dist: lognormal, mean: 47.7 s, cv: 0.31 }", cut.Find("#fit-diff .ft-diff-add").TextContent);
        Assert.Equal("-      processingTime: { dist: lognormal, mean: 45 s, cv: 0.3 }", cut.Find("#fit-diff .ft-diff-del").TextContent);
        var apply = cut.Find("#fit-apply").TextContent;
        Assert.Contains("factorytwin fit fit-plant.yaml", apply, StringComparison.Ordinal);
        Assert.Contains("--write", apply, StringComparison.Ordinal);
        Assert.Contains("stop the server", apply, StringComparison.Ordinal);
    }

    [Fact]
    public void Fits_NoChange_SaysTheFitsChangeNothing()
    {
        using var ctx = new DashboardContext();
        Serve(ctx, Run(diff: ""));

        var cut = ctx.Render<Fits>();

        Assert.Empty(cut.FindAll("#fit-diff"));
        Assert.Equal("The fits change nothing in the plant file.", cut.Find("#fit-no-change").TextContent);
    }

    [Theory]
    [InlineData("viewer", false)]
    [InlineData("operator", false)]
    [InlineData("engineer", true)]
    [InlineData("admin", true)]
    public void Fits_Role_RunFormOnlyFromEngineerUp(string role, bool shown)
    {
        using var ctx = new DashboardContext(role);
        Serve(ctx, Run());

        var cut = ctx.Render<Fits>();

        Assert.Equal(shown, cut.FindAll("#fit-run").Count == 1);
        Assert.Equal(shown, cut.FindAll("#fit-from").Count == 1);
    }

    [Fact]
    public void Fits_EngineerRuns_ShowsRunningThenTheNewFit()
    {
        using var ctx = new DashboardContext("engineer", "erin");
        var fits = Serve(ctx, null);
        fits.Outcome = PlantFitOutcome.Done(Run());
        fits.Gate = new TaskCompletionSource();
        var cut = ctx.Render<Fits>();

        cut.Find("#fit-run").Click();

        cut.WaitForAssertion(() => Assert.Contains("Running… 1 of 2 stations fitted", cut.Find("#fit-running").TextContent, StringComparison.Ordinal));
        Assert.True(cut.Find("#fit-run").HasAttribute("disabled"));
        fits.Gate.SetResult();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#fit-latest")));
        Assert.Empty(cut.FindAll("#fit-running"));
        Assert.Empty(cut.FindAll("#fit-none"));
        Assert.False(cut.Find("#fit-run").HasAttribute("disabled"));
    }

    [Fact]
    public void Fits_EngineerRuns_SendsTheChosenDaysInTheSiteTimeZone()
    {
        using var ctx = new DashboardContext("engineer", "erin");
        var fits = Serve(ctx, null);
        fits.Outcome = PlantFitOutcome.Done(Run());
        var cut = ctx.Render<Fits>();
        Assert.Equal("2026-10-29", cut.Find("#fit-from").GetAttribute("value"));
        Assert.Equal("2026-11-28", cut.Find("#fit-to").GetAttribute("value"));

        cut.Find("#fit-from").Change("2026-11-01");
        cut.Find("#fit-to").Change("2026-11-07");
        cut.Find("#fit-run").Click();

        cut.WaitForAssertion(() => Assert.Single(fits.Calls));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, Berlin), fits.Calls[0].From);
        Assert.Equal(new DateTimeOffset(2026, 11, 8, 0, 0, 0, Berlin), fits.Calls[0].To);
        Assert.Equal("erin", fits.Calls[0].User);
    }

    [Fact]
    public void Fits_RunRefused_ShowsTheProblemAndKeepsTheLatestFit()
    {
        using var ctx = new DashboardContext("engineer");
        var fits = Serve(ctx, Run());
        fits.Outcome = PlantFitOutcome.Invalid("to (2026-11-01T23:00:00.0000000+00:00) must be after from (2026-11-07T23:00:00.0000000+00:00).");
        var cut = ctx.Render<Fits>();

        cut.Find("#fit-run").Click();

        cut.WaitForAssertion(() => Assert.Contains("must be after from", cut.Find("#fit-run-error").TextContent, StringComparison.Ordinal));
        Assert.Single(cut.FindAll("#fit-latest"));
    }

    [Fact]
    public void Fits_RunFails_ShowsTheError()
    {
        using var ctx = new DashboardContext("engineer");
        var fits = Serve(ctx, null);
        fits.Failure = new InvalidOperationException("The historian cannot be read.");
        var cut = ctx.Render<Fits>();

        cut.Find("#fit-run").Click();

        cut.WaitForAssertion(() => Assert.Contains("The fit did not run: The historian cannot be read.", cut.Find("#fit-run-error").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("#fit-running"));
    }
}
