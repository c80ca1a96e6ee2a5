using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace FactoryTwin.VirtualPlant.Continuity;

/// <summary>
/// Reads and writes a <see cref="VirtualPlantState"/> as a small JSON file. A write never leaves a torn file: it goes
/// to <c>{file}.tmp</c>, is flushed to disk, then renamed over the file, so a reader (or a restart after a crash at any
/// moment) sees either the previous state or the new one. Reading never throws for a bad file: it says what is wrong.
/// </summary>
/// <remarks>
/// Format (version 1): <c>{"version":1,"plantTime":"2026-11-23T08:12:34.5670000+00:00","clean":true,"clockSpeed":60,
/// "saveIntervalSeconds":2,"gateways":[{"id":"gw-body","nextSeq":1234,"peakPerSave":210}]}</c>.
/// </remarks>
public static class VirtualPlantStateFile
{
    /// <summary>The format version written and read.</summary>
    public const int Version = 1;

    /// <summary>The largest sequence number accepted from a file (far beyond any run; keeps the margins from overflowing).</summary>
    public const long MaxSeq = 1L << 62;

    /// <summary>The largest clock speed accepted from a file (1000× the wall clock, at up to 1000×).</summary>
    public const double MaxClockSpeed = 1e6;

    /// <summary>The latest plant time accepted from a file (leaves room for any margin added to it).</summary>
    public static readonly DateTimeOffset MaxPlantTime = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The suffix of the temporary file a write goes through.</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>Writes <paramref name="state"/> to <paramref name="path"/> atomically (temporary file, flush to disk, rename); creates the folder when missing.</summary>
    /// <param name="path">The state file.</param>
    /// <param name="state">The state.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or folder may not be written.</exception>
    public static void Save(string path, VirtualPlantState state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(state);
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var temp = full + TempSuffix;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    Write(writer, state);
                }

                // On disk before the rename makes it the state: a crash then leaves the old file or the whole new one.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Reads the state file; never throws for a missing, unreadable or invalid file.</summary>
    /// <param name="path">The state file.</param>
    /// <returns>The state, or why there is none.</returns>
    public static VirtualPlantStateLoadResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes;
        try
        {
            if (!File.Exists(path))
            {
                return VirtualPlantStateLoadResult.NoFile;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return VirtualPlantStateLoadResult.Unusable("it cannot be read: " + ex.Message);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            return VirtualPlantStateLoadResult.Unusable("it is not valid JSON: " + ex.Message);
        }
    }

    private static void Write(Utf8JsonWriter writer, VirtualPlantState state)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", Version);
        writer.WriteString("plantTime", state.PlantTime.ToUniversalTime());
        writer.WriteBoolean("clean", state.Clean);
        writer.WriteNumber("clockSpeed", state.ClockSpeed);
        writer.WriteNumber("saveIntervalSeconds", state.SaveInterval.TotalSeconds);
        writer.WriteStartArray("gateways");
        foreach (var g in state.Gateways)
        {
            writer.WriteStartObject();
            writer.WriteString("id", g.Gateway);
            writer.WriteNumber("nextSeq", g.NextSeq);
            writer.WriteNumber("peakPerSave", g.PeakPerSave);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static VirtualPlantStateLoadResult Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return VirtualPlantStateLoadResult.Unusable("it is not a JSON object.");
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v))
        {
            return VirtualPlantStateLoadResult.Unusable("it has no 'version'.");
        }

        if (v != Version)
        {
            return VirtualPlantStateLoadResult.Unusable(string.Create(CultureInfo.InvariantCulture, $"it has version {v}; this build reads version {Version}."));
        }

        if (!root.TryGetProperty("plantTime", out var timeElement) || timeElement.ValueKind != JsonValueKind.String || !timeElement.TryGetDateTimeOffset(out var plantTime) || plantTime >= MaxPlantTime)
        {
            return VirtualPlantStateLoadResult.Unusable("it has no valid 'plantTime' (RFC 3339 with offset, before the year 9000).");
        }

        if (!root.TryGetProperty("clean", out var clean) || clean.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return VirtualPlantStateLoadResult.Unusable("it has no 'clean' (true or false).");
        }

        if (!TryNumber(root, "clockSpeed", out var speed) || !(speed > 0 && speed <= MaxClockSpeed))
        {
            return VirtualPlantStateLoadResult.Unusable(string.Create(CultureInfo.InvariantCulture, $"its 'clockSpeed' is missing or not in (0, {MaxClockSpeed}]."));
        }

        var maxSeconds = VirtualPlantOptions.MaxStateSaveInterval.TotalSeconds;
        if (!TryNumber(root, "saveIntervalSeconds", out var interval) || !(interval > 0 && interval <= maxSeconds))
        {
            return VirtualPlantStateLoadResult.Unusable(string.Create(CultureInfo.InvariantCulture, $"its 'saveIntervalSeconds' is missing or not in (0, {maxSeconds}]."));
        }

        if (!root.TryGetProperty("gateways", out var gateways) || gateways.ValueKind != JsonValueKind.Array)
        {
            return VirtualPlantStateLoadResult.Unusable("it has no 'gateways' array.");
        }

        var list = ImmutableArray.CreateBuilder<GatewaySequence>(gateways.GetArrayLength());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in gateways.EnumerateArray())
        {
            if (g.ValueKind != JsonValueKind.Object
                || !g.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString())
                || !TryLong(g, "nextSeq", out var next) || next is < 0 or > MaxSeq
                || !TryLong(g, "peakPerSave", out var peak) || peak is < 0 or > MaxSeq)
            {
                return VirtualPlantStateLoadResult.Unusable(string.Create(CultureInfo.InvariantCulture, $"gateway entry {list.Count + 1} needs 'id', and 'nextSeq' and 'peakPerSave' from 0 to {MaxSeq}."));
            }

            var name = id.GetString()!;
            if (!seen.Add(name))
            {
                return VirtualPlantStateLoadResult.Unusable($"gateway '{name}' is listed twice.");
            }

            list.Add(new GatewaySequence(name, next, peak));
        }

        var state = new VirtualPlantState(plantTime.ToUniversalTime(), clean.GetBoolean(), speed, TimeSpan.FromSeconds(interval), list.MoveToImmutable());
        return new VirtualPlantStateLoadResult(state, false, null);
    }

    private static bool TryNumber(JsonElement parent, string name, out double value)
    {
        value = 0;
        return parent.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out value) && double.IsFinite(value);
    }

    private static bool TryLong(JsonElement parent, string name, out long value)
    {
        value = 0;
        return parent.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out value);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The next write replaces it; the state file itself is untouched.
        }
    }
}
