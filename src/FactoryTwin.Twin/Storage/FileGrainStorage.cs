using System.Buffers.Binary;
using System.Globalization;
using Orleans.Serialization;
using Orleans.Storage;

namespace FactoryTwin.Twin.Storage;

/// <summary>
/// Durable grain storage in plain files: one file per grain and state name under the folder, holding an 8-byte version
/// (the ETag) followed by the state in Orleans' binary serialization. A write goes to a temporary file in the same
/// folder, is flushed to disk, then renamed over the old file (atomic on POSIX and NTFS), so a crash leaves either the
/// old or the new state, never a torn one. A write whose ETag is not the stored version is refused with
/// <see cref="InconsistentStateException"/> (two activations of one grain).
/// </summary>
internal sealed class FileGrainStorage : IGrainStorage
{
    private const int HeaderBytes = 8;
    private readonly string _folder;
    private readonly Serializer _serializer;

    public FileGrainStorage(string folder, Serializer serializer)
    {
        _folder = folder;
        _serializer = serializer;
        Directory.CreateDirectory(folder);
    }

    public string Folder => _folder;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            grainState.RecordExists = false;
            grainState.ETag = null;
            return;
        }

        var bytes = await File.ReadAllBytesAsync(path);
        if (bytes.Length < HeaderBytes)
        {
            throw new InvalidDataException($"grain state file '{path}' is shorter than its {HeaderBytes}-byte header.");
        }

        var version = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        grainState.State = _serializer.Deserialize<T>(bytes.AsMemory(HeaderBytes));
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        var stored = StoredVersion(path);
        CheckETag(stored, grainState.ETag, grainId, stateName);
        var version = (stored ?? 0) + 1;
        var payload = _serializer.SerializeToArray(grainState.State);
        var tmp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                var header = new byte[HeaderBytes];
                BinaryPrimitives.WriteInt64LittleEndian(header, version);
                await stream.WriteAsync(header);
                await stream.WriteAsync(payload);
                stream.Flush(flushToDisk: true);
            }

            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }

        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        CheckETag(StoredVersion(path), grainState.ETag, grainId, stateName);
        File.Delete(path);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static void CheckETag(long? stored, string? etag, GrainId grainId, string stateName)
    {
        var expected = stored?.ToString(CultureInfo.InvariantCulture);
        if (!string.Equals(expected, etag, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(
                $"the stored state '{stateName}' of {grainId} has version {expected ?? "(none)"}, but the activation holds {etag ?? "(none)"}.",
                expected,
                etag);
        }
    }

    private static long? StoredVersion(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[HeaderBytes];
            stream.ReadExactly(header);
            return BinaryPrimitives.ReadInt64LittleEndian(header);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private string PathOf(string stateName, GrainId grainId)
    {
        var folder = Path.Combine(_folder, Sanitize(stateName));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Sanitize(grainId.ToString()) + ".state");
    }

    /// <summary>Maps an id to a file name: letters, digits, '-', '_' and '.' stay; anything else becomes %XX of its UTF-8 bytes (reversible, no collisions).</summary>
    internal static string Sanitize(string name) => Uri.EscapeDataString(name).Replace("*", "%2A", StringComparison.Ordinal);
}
