using FactoryTwin.Model.Plants;

namespace FactoryTwin.Mes.Scheduling;

/// <summary>
/// The plant's active schedule, kept as the imported B2MML document in a folder (<c>{folder}/schedule.xml</c>) so that
/// it survives a restart. An import is all or nothing: the document is read and checked completely first, then written
/// to a temporary file, flushed to disk and renamed over the active one, and only then does <see cref="Current"/> change;
/// a refused document leaves both the file and <see cref="Current"/> as they were. Thread-safe.
/// </summary>
public sealed class ScheduleStore : IScheduleStore
{
    /// <summary>The file name of the active schedule in the store's folder.</summary>
    public const string FileName = "schedule.xml";

    private readonly Lock _gate = new();
    private readonly PlantModel _plant;
    private readonly long _maxDocumentBytes;
    private ProductionSchedule? _current;

    /// <summary>Opens the store and loads the active schedule, when the folder has one.</summary>
    /// <param name="folder">The folder (created when missing).</param>
    /// <param name="plant">The plant orders must fit.</param>
    /// <param name="maxDocumentBytes">The size limit of a schedule document in bytes.</param>
    public ScheduleStore(string folder, PlantModel plant, long maxDocumentBytes = ScheduleImporter.DefaultMaxDocumentBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDocumentBytes, 1);
        Folder = Path.GetFullPath(folder);
        _plant = plant;
        _maxDocumentBytes = maxDocumentBytes;
        if (File.Exists(FilePath))
        {
            using var stream = File.OpenRead(FilePath);
            LoadResult = ScheduleImporter.Import(stream, plant, Math.Max(maxDocumentBytes, stream.Length));
            _current = LoadResult.Schedule;
        }
    }

    /// <summary>Gets the store's folder (absolute).</summary>
    public string Folder { get; }

    /// <summary>Gets the path of the active schedule document.</summary>
    public string FilePath => Path.Combine(Folder, FileName);

    /// <inheritdoc />
    /// <value>The path of the active schedule document (<see cref="FilePath"/>).</value>
    public string Location => FilePath;

    /// <summary>
    /// Gets the result of loading the stored schedule when the store was opened, or <see langword="null"/> when there was
    /// none. A stored schedule that no longer fits the plant (a variant removed from the plant file) is not active, and
    /// this says why.
    /// </summary>
    public ScheduleImportResult? LoadResult { get; }

    /// <summary>Gets the active schedule, or <see langword="null"/> when none has been imported.</summary>
    public ProductionSchedule? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Raised after a schedule was imported and became active (on the importing thread).</summary>
    public event Action<ProductionSchedule>? Changed;

    /// <summary>Checks a schedule document completely and, when it is valid, makes it the active schedule (durably).</summary>
    /// <param name="document">The document; read to its end or to the size limit.</param>
    /// <returns>The result: the new schedule, or every problem (then nothing changed).</returns>
    /// <exception cref="IOException">The folder cannot be written; nothing changed.</exception>
    public ScheduleImportResult Import(Stream document)
    {
        var result = ScheduleImporter.ImportBuffered(document, _plant, _maxDocumentBytes, out var bytes);
        if (!result.Succeeded)
        {
            return result;
        }

        lock (_gate)
        {
            Directory.CreateDirectory(Folder);
            var temporary = FilePath + ".tmp";
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                file.Write(bytes.Span);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, FilePath, overwrite: true);
            _current = result.Schedule;
        }

        Changed?.Invoke(result.Schedule!);
        return result;
    }
}
