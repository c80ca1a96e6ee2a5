using System.Globalization;
using System.Text;
using System.Text.Json;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Mes.Performance;

/// <summary>
/// The twin's cure verdicts of the bodies that left an oven, kept in a folder (<c>{folder}/cure-verdicts.jsonl</c>, one
/// JSON object per line, appended and flushed to disk as bodies leave) so that the performance export still has them
/// after a restart, and <c>factorytwin mes export</c> reads them beside the historian. A body's last line wins. When the
/// file holds more than twice the bodies it keeps, it is rewritten with the newest ones (to a temporary file, flushed
/// and renamed over it). A line that cannot be read (the end of a line cut by a crash, a hand edit) is skipped and
/// counted in <see cref="LoadResult.Skipped"/> with the first one's line number, and the rest is kept. Thread-safe.
/// </summary>
public sealed class CureVerdictFile : ICureVerdictStore
{
    /// <summary>The file name in the store's folder.</summary>
    public const string FileName = "cure-verdicts.jsonl";

    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    private readonly Lock _gate = new();
    private readonly int _capacity;
    private readonly Dictionary<string, BodyQuality> _kept = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new(); // first line of each kept body, oldest first (a body written again keeps its place)
    private int _lines;
    private bool _loaded;

    /// <summary>Opens the store; the file is read at the first <see cref="Load"/> or <see cref="Append"/>.</summary>
    /// <param name="folder">The folder (created when missing, at the first append).</param>
    /// <param name="capacity">How many bodies it keeps, the newest; at least 1.</param>
    public CureVerdictFile(string folder, int capacity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Folder = Path.GetFullPath(folder);
        _capacity = capacity;
    }

    /// <summary>Gets the store's folder (absolute).</summary>
    public string Folder { get; }

    /// <summary>Gets the path of the file.</summary>
    public string FilePath => Path.Combine(Folder, FileName);

    /// <inheritdoc />
    public string Location => FilePath;

    /// <summary>What reading the file found: the lines that could not be read.</summary>
    /// <param name="Skipped">Lines skipped.</param>
    /// <param name="FirstSkipped">The first skipped line's number and why, or <see langword="null"/>.</param>
    public sealed record LoadResult(int Skipped, string? FirstSkipped);

    /// <summary>Gets what the first read of the file found, or <see langword="null"/> before it.</summary>
    public LoadResult? Loaded { get; private set; }

    /// <inheritdoc />
    public Task<IReadOnlyList<BodyQuality>> LoadAsync(CancellationToken cancellationToken = default) => Task.FromResult(Load());

    /// <inheritdoc />
    public Task AppendAsync(IReadOnlyList<BodyQuality> verdicts, CancellationToken cancellationToken = default)
    {
        Append(verdicts);
        return Task.CompletedTask;
    }

    /// <summary>Reads the kept verdicts, oldest first.</summary>
    /// <returns>The verdicts, one per body.</returns>
    public IReadOnlyList<BodyQuality> Load()
    {
        lock (_gate)
        {
            EnsureLoaded();
            return [.. _order.Select(id => _kept[id])];
        }
    }

    /// <summary>Appends verdicts and flushes them to disk.</summary>
    /// <param name="verdicts">The verdicts, in the order they were made.</param>
    /// <exception cref="IOException">The file cannot be written; what was written before is kept.</exception>
    public void Append(IReadOnlyList<BodyQuality> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        if (verdicts.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            EnsureLoaded();
            Directory.CreateDirectory(Folder);
            using (var file = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read))
            {
                // After a line cut by a crash, the next starts on a line of its own.
                if (file.Length > 0)
                {
                    file.Seek(-1, SeekOrigin.End);
                    if (file.ReadByte() != '\n')
                    {
                        file.WriteByte((byte)'\n');
                    }
                }

                foreach (var v in verdicts)
                {
                    Write(file, v);
                }

                file.Flush(flushToDisk: true);
            }

            foreach (var v in verdicts)
            {
                Keep(v);
                _lines++;
            }

            if (_lines > 2L * _capacity)
            {
                Rewrite();
            }
        }
    }

    private void EnsureLoaded()
    {
        if (_loaded)
        {
            return;
        }

        _loaded = true;
        int skipped = 0;
        string? first = null;
        if (File.Exists(FilePath))
        {
            int number = 0;
            foreach (var line in File.ReadLines(FilePath, Encoding.UTF8))
            {
                number++;
                if (line.Length == 0)
                {
                    continue;
                }

                if (TryParse(line, out var verdict, out var why))
                {
                    Keep(verdict);
                    _lines++;
                }
                else
                {
                    skipped++;
                    first ??= string.Create(CultureInfo.InvariantCulture, $"{FilePath}:{number}: {why}");
                }
            }
        }

        Loaded = new LoadResult(skipped, first);
    }

    private void Keep(BodyQuality verdict)
    {
        if (_kept.TryAdd(verdict.PartId, verdict))
        {
            _order.Enqueue(verdict.PartId);
            while (_order.Count > _capacity && _order.TryDequeue(out var oldest))
            {
                _kept.Remove(oldest);
            }
        }
        else
        {
            _kept[verdict.PartId] = verdict;
        }
    }

    private void Rewrite()
    {
        string temporary = FilePath + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            foreach (var id in _order)
            {
                Write(file, _kept[id]);
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, FilePath, overwrite: true);
        _lines = _order.Count;
    }

    private static void Write(Stream stream, BodyQuality v)
    {
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("part", v.PartId);
            json.WriteString("oven", v.Oven.Value);
            json.WriteString("verdict", v.Verdict);
            json.WriteNumber("cureIndex", v.CureIndex);
            json.WriteString("worstPoint", v.WorstPoint);
            json.WriteString("predictedAt", v.PredictedAt.ToUniversalTime());
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static bool TryParse(string line, out BodyQuality verdict, out string why)
    {
        verdict = null!;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                why = "not a JSON object";
                return false;
            }

            foreach (var name in (ReadOnlySpan<string>)["part", "oven", "verdict", "cureIndex", "worstPoint", "predictedAt"])
            {
                if (!root.TryGetProperty(name, out _))
                {
                    why = $"no '{name}'";
                    return false;
                }
            }

            verdict = new BodyQuality(
                root.GetProperty("part").GetString() ?? throw new FormatException("'part' is null"),
                new AssetId(root.GetProperty("oven").GetString() ?? throw new FormatException("'oven' is null")),
                root.GetProperty("verdict").GetString() ?? throw new FormatException("'verdict' is null"),
                root.GetProperty("cureIndex").GetDouble(),
                root.GetProperty("worstPoint").GetString() ?? throw new FormatException("'worstPoint' is null"),
                root.GetProperty("predictedAt").GetDateTimeOffset());
            why = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            why = ex.Message;
            return false;
        }
    }
}
