using System.Buffers.Binary;
using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace FactoryTwin.Analytics.Tests.Fingerprints;

/// <summary>
/// SHA-256 over every figure of a result graph: doubles by their bits, integers, enums, booleans, strings (UTF-8),
/// instants, durations and collections (count, then items), walking the public instance properties of records and
/// classes in ordinal name order. The text never passes through a culture, so the hash is the same on every machine.
/// </summary>
internal sealed class Fingerprint
{
    /// <summary>
    /// Properties added to the result types after the figures were recorded: which shift a forecast covers and since when a
    /// line's output was counted. They describe the figures rather than being figures, and the recordings cannot hold them.
    /// </summary>
    private static readonly HashSet<string> AddedSinceRecording = new(StringComparer.Ordinal)
    {
        "PlantSnapshotLine.CountedSince", "ShiftForecast.ShiftStart", "ShiftForecast.OffShift", "PlantTraceEvent.Order",
    };

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[8];

    public static string Of(object? value)
    {
        var fingerprint = new Fingerprint();
        fingerprint.Add(value);
        return fingerprint.Finish();
    }

    public void Add(object? value)
    {
        switch (value)
        {
            case null:
                Tag(0);
                return;
            case double d:
                Long(1, BitConverter.DoubleToInt64Bits(d));
                return;
            case float f:
                Long(2, BitConverter.SingleToInt32Bits(f));
                return;
            case string s:
                Long(3, s.Length);
                _hash.AppendData(Encoding.UTF8.GetBytes(s));
                return;
            case bool b:
                Long(4, b ? 1 : 0);
                return;
            case Enum e:
                Long(5, Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture));
                return;
            case long or int or short or sbyte or byte or ushort or char:
                Long(6, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                return;
            case ulong or uint:
                Long(7, unchecked((long)Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture)));
                return;
            case DateTimeOffset t:
                Long(8, t.UtcTicks);
                Long(8, t.Offset.Ticks);
                return;
            case DateTime t:
                Long(9, t.Ticks);
                Long(9, (long)t.Kind);
                return;
            case TimeSpan t:
                Long(10, t.Ticks);
                return;
            case DateOnly d:
                Long(11, d.DayNumber);
                return;
            case TimeOnly t:
                Long(12, t.Ticks);
                return;
            case TimeProvider or Delegate or Type:
                Tag(13);
                return;
            case IDictionary dictionary:
                var entries = new List<(string Key, object? Value)>();
                foreach (DictionaryEntry entry in dictionary)
                {
                    entries.Add((Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, entry.Value));
                }

                entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                Long(14, entries.Count);
                foreach (var (key, item) in entries)
                {
                    Add(key);
                    Add(item);
                }

                return;
            default:
                break;
        }

        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
            && (bool)type.GetProperty("IsDefault")!.GetValue(value)!)
        {
            Tag(15);
            return;
        }

        if (value is IEnumerable sequence)
        {
            var items = sequence.Cast<object?>().ToList();
            Long(16, items.Count);
            foreach (var item in items)
            {
                Add(item);
            }

            return;
        }

        Tag(17);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && !AddedSinceRecording.Contains(type.Name + "." + p.Name))
                     .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            Add(property.GetValue(value));
        }
    }

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    private void Tag(byte tag) => _hash.AppendData([tag]);

    private void Long(byte tag, long value)
    {
        Tag(tag);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer, value);
        _hash.AppendData(_buffer);
    }
}
