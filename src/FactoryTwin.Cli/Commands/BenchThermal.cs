using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using FactoryTwin.Cli.Output;
using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>factorytwin bench thermal [--size N] [--steps S] [--output text|json]</c>: the explicit 2-D stencil's cell updates per second
/// next to the memory bandwidth of a STREAM-like triad a = b + s·c measured in the same run, and the ratio of the stencil's rate to
/// the bandwidth-derived limit (float64 FTCS moves about 16 bytes per cell update: one read, one write).
/// </summary>
internal static class BenchThermal
{
    /// <summary>Bytes moved per float64 cell update by the explicit stencil when neighbours come from cache: read T, write T'.</summary>
    public const double StencilBytesPerUpdate = 16.0;

    /// <summary>Bytes counted per triad element (STREAM convention: read b and c, write a; write-allocate not counted).</summary>
    public const double TriadBytesPerElement = 24.0;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var size = new Option<int>("--size") { Description = "Cells along each side of the square 2-D grid.", DefaultValueFactory = _ => 2048 };
        var steps = new Option<int>("--steps") { Description = "Time steps to time (after 2 warm-up steps).", DefaultValueFactory = _ => 20 };
        var output = OutputOption.Create();
        size.Validators.Add(r =>
        {
            if (OptionValue.TryGet<int>(r, out var v) && v is < 8 or > 16384)
            {
                r.AddError("--size must be between 8 and 16384.");
            }
        });
        steps.Validators.Add(r =>
        {
            if (OptionValue.TryGet<int>(r, out var n) && n < 1)
            {
                r.AddError("--steps must be at least 1.");
            }
        });
        var command = new Command("thermal", "Measure the explicit 2-D heat stencil (float64, uniform material, CPU backend) against the memory bandwidth of a triad measured in the same run.")
        {
            size,
            steps,
            output,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(parseResult.GetValue(size), parseResult.GetValue(steps), parseResult.GetValue(output), stdout, stderr, cancellationToken)));
        return command;
    }

    public static int Run(int size, int steps, OutputFormat format, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench thermal: triad, then {steps} steps of the {size}×{size} float64 stencil on {Environment.ProcessorCount} cores…"));
        var triad = MeasureTriad(Math.Max(1 << 22, 2 * size * size), cancellationToken);
        var rate = MeasureStencil(size, steps, cancellationToken);
        var limit = triad / StencilBytesPerUpdate;
        var result = new ThermalBenchResult(
            size,
            steps,
            Environment.ProcessorCount,
            Math.Round(rate / 1e6, 2),
            Math.Round(triad / 1e9, 3),
            Math.Round(limit / 1e6, 2),
            Math.Round(rate / limit, 4),
            StencilBytesPerUpdate);
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(stdout, result);
            return ExitCodes.Ok;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"2-D explicit stencil {size}×{size} float64: {result.CellUpdatesPerSecondMillions:0.0} M cell updates/s"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"triad bandwidth (a = b + s·c, 24 B/element): {result.TriadBandwidthGBs:0.00} GB/s"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bandwidth-derived limit at {StencilBytesPerUpdate:0} B/update: {result.LimitMillions:0.0} M cell updates/s; stencil reaches {result.Ratio:P0} of it"));
        return ExitCodes.Ok;
    }

    /// <summary>Best of five parallel triads over arrays larger than the caches; bytes per second.</summary>
    private static double MeasureTriad(int length, CancellationToken cancellationToken)
    {
        var a = new double[length];
        var b = new double[length];
        var c = new double[length];
        Array.Fill(b, 1.0);
        Array.Fill(c, 2.0);
        var chunks = Environment.ProcessorCount;
        var best = double.PositiveInfinity;
        for (var rep = 0; rep < 6; rep++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            Parallel.For(0, chunks, k =>
            {
                var start = (int)((long)length * k / chunks);
                var end = (int)((long)length * (k + 1) / chunks);
                Triad(a.AsSpan(start, end - start), b.AsSpan(start, end - start), c.AsSpan(start, end - start), 3.0);
            });
            var seconds = watch.Elapsed.TotalSeconds;
            if (rep > 0)
            {
                best = Math.Min(best, seconds);
            }
        }

        return TriadBytesPerElement * length / best;
    }

    private static void Triad(Span<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, double s)
    {
        var i = 0;
        var vs = new Vector<double>(s);
        for (; i + Vector<double>.Count <= a.Length; i += Vector<double>.Count)
        {
            (new Vector<double>(b[i..]) + (vs * new Vector<double>(c[i..]))).CopyTo(a[i..]);
        }

        for (; i < a.Length; i++)
        {
            a[i] = b[i] + (s * c[i]);
        }
    }

    /// <summary>Cell updates per second of the explicit uniform 2-D stencil (all faces insulated, so only the interior kernel runs).</summary>
    private static double MeasureStencil(int size, int steps, CancellationToken cancellationToken)
    {
        var grid = Grid.Create2D(size, size, 1.0, 1.0);
        var problem = new HeatProblem(grid, Material.Steel, 300.0);
        problem.InitialTemperature[grid.Index(size / 2, size / 2)] = 400.0;
        using var solver = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit });
        var dt = solver.StableTimeStep * 0.9;
        solver.TakeStep(dt);
        solver.TakeStep(dt);
        var watch = Stopwatch.StartNew();
        for (var s = 0; s < steps; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            solver.TakeStep(dt);
        }

        return (double)grid.CellCount * steps / watch.Elapsed.TotalSeconds;
    }
}
