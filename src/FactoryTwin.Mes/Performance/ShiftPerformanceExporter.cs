using FactoryTwin.Model.Plants;

namespace FactoryTwin.Mes.Performance;

/// <summary>
/// Writes the <c>OperationsPerformance</c> of every shift when it ends: at each end of a shift of the release line's
/// calendar, plus a delay for telemetry still on its way, it computes the shift's report and writes it to
/// <c>{folder}/performance-{yyyy-MM-dd}-{shift}.xml</c> (a temporary file, flushed, then renamed, so an MES that picks
/// files up never reads half a document). A shift without a schedule to report against is skipped. One export failing
/// does not stop the next.
/// </summary>
public sealed class ShiftPerformanceExporter
{
    private readonly PlantModel _plant;
    private readonly string _folder;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _clock;
    private readonly Func<ShiftWindow, CancellationToken, Task<PerformanceReport?>> _compute;

    /// <summary>Creates the exporter.</summary>
    /// <param name="plant">The plant (its release line's calendar).</param>
    /// <param name="folder">The folder the documents go to (created when missing).</param>
    /// <param name="delay">How long after a shift's end its document is made, on <paramref name="clock"/>.</param>
    /// <param name="clock">The plant clock.</param>
    /// <param name="compute">Computes a shift's report, or <see langword="null"/> when there is no schedule to report against.</param>
    public ShiftPerformanceExporter(PlantModel plant, string folder, TimeSpan delay, TimeProvider clock, Func<ShiftWindow, CancellationToken, Task<PerformanceReport?>> compute)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(compute);
        _plant = plant;
        _folder = Path.GetFullPath(folder);
        _delay = delay;
        _clock = clock;
        _compute = compute;
    }

    /// <summary>Raised after a shift's document was written: the shift and the file.</summary>
    public event Action<ShiftWindow, string>? Exported;

    /// <summary>Raised when a shift had no schedule to report against.</summary>
    public event Action<ShiftWindow>? Skipped;

    /// <summary>Raised when a shift's export failed: the shift and why.</summary>
    public event Action<ShiftWindow, Exception>? Failed;

    /// <summary>The file name of a shift's document: <c>performance-{yyyy-MM-dd}-{shift}.xml</c>.</summary>
    /// <param name="shift">The shift.</param>
    /// <returns>The file name.</returns>
    public static string FileName(ShiftWindow shift)
    {
        ArgumentNullException.ThrowIfNull(shift);
        return "performance-" + shift.Label.Replace('/', '-') + ".xml";
    }

    /// <summary>Exports each shift that ends from now on, until cancelled; returns at once when the release line has no calendar.</summary>
    /// <param name="cancellationToken">Stops the exporter.</param>
    /// <returns>A task that ends when cancelled (or without a calendar).</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var after = _clock.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested && ShiftWindow.NextEnding(_plant, after) is { } shift)
        {
            var wait = shift.Until + _delay - _clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _clock, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }

            try
            {
                await ExportAsync(shift, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Failed?.Invoke(shift, ex);
            }

            after = shift.Until;
        }
    }

    /// <summary>Computes and writes one shift's document now.</summary>
    /// <param name="shift">The shift.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The file written, or <see langword="null"/> when there was no schedule to report against.</returns>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    public async Task<string?> ExportAsync(ShiftWindow shift, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shift);
        if (await _compute(shift, cancellationToken) is not { } report)
        {
            Skipped?.Invoke(shift);
            return null;
        }

        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, FileName(shift));
        var temporary = path + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            OperationsPerformanceWriter.Write(report, _clock.GetUtcNow(), file);
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        Exported?.Invoke(shift, path);
        return path;
    }
}
