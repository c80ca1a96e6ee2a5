using FactoryTwin.Plant.ThermalCases;

namespace FactoryTwin.Plant.Tests.ThermalCases;

public sealed class ThermalCaseRunnerTests
{
    private static ThermalCase Sample(string name)
    {
        var result = ThermalCaseLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "samples", "thermal", name));
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Case!;
    }

    [Fact]
    public void Run_PlaneWallSample_MatchesTheSeriesSolution()
    {
        var c = Sample("plane-wall-analytic.yaml");
        var m = c.Materials[0].Properties;
        var halfThickness = c.Extent.X;
        var alpha = m.Diffusivity;
        var h = c.Boundaries[Thermal.Problem.BoundaryFace.East].HeatTransferCoefficient.ValueAt(0);
        var biot = h * halfThickness / m.Conductivity;
        var tInf = c.Ambient!.ValueAt(0);
        Assert.Equal(0.2, biot, 12);
        var eigen = PlaneWallSeries.Eigenvalues(biot, 60);

        var run = ThermalCaseRunner.Run(c, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(c.OutputTimes().Count, run.Times.Count);
        var worst = 0.0;
        foreach (var series in run.Probes)
        {
            // the probe reads the nearest cell centre within half a cell of a face: compare there
            var x = Math.Clamp(series.Probe.At.X, c.Grid.Dx / 2, halfThickness - (c.Grid.Dx / 2));
            for (var t = 0; t < run.Times.Count; t++)
            {
                if (run.Times[t] < 10)
                {
                    continue; // the series converges slowly at Fo → 0
                }

                var exact = PlaneWallSeries.Temperature(x, halfThickness, alpha, run.Times[t], c.InitialTemperature, tInf, eigen);
                worst = Math.Max(worst, Math.Abs(series.Temperatures[t] - exact));
            }
        }

        // 40 cells and Crank–Nicolson with 0.1 s steps: second order in space and time, well inside 0.1 % of the 200 K swing
        Assert.InRange(worst, 0.0, 0.05);
        Assert.InRange(run.Probes[2].Temperatures[^1] - 273.15, 120, 150); // about 132 degC at 2 min
    }

    [Fact]
    public void Run_Plate2DSample_RecordsEveryProbeAndTheField()
    {
        var c = Sample("plate-2d-convection.yaml") with { EndTime = 30, OutputInterval = 5 };
        var progress = new List<ThermalRunProgress>();

        var run = ThermalCaseRunner.Run(c, new SynchronousProgress(progress.Add), TestContext.Current.CancellationToken);

        Assert.Equal([0.0, 5, 10, 15, 20, 25, 30], run.Times);
        Assert.Equal(3, run.Probes.Count);
        Assert.All(run.Probes, p => Assert.Equal(7, p.Temperatures.Count));
        Assert.Equal(c.Grid.CellCount, run.FinalTemperature.Count);
        Assert.True(run.Steps > 100);

        // cooled from below: the bottom probe is colder than the top corner, and everything cooled below the start
        Assert.True(run.Probes[0].Temperatures[^1] < run.Probes[2].Temperatures[^1]);
        Assert.All(run.FinalTemperature, t => Assert.InRange(t, 293.15, 453.15 + 1e-9));
        Assert.Equal(1.0, progress[^1].Fraction, 12);
        Assert.Equal(run.Steps, progress[^1].Steps);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        var c = Sample("plate-2d-convection.yaml");
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ThermalCaseRunner.Run(c, cancellationToken: cts.Token));
    }

    private sealed class SynchronousProgress(Action<ThermalRunProgress> report) : IProgress<ThermalRunProgress>
    {
        public void Report(ThermalRunProgress value) => report(value);
    }
}
