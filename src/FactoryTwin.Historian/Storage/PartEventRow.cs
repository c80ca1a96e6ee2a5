using System.Data.Common;
using System.Globalization;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Historian.Storage;

/// <summary>Reads a part event from a query row (asset, ts micros, kind, part, variant, colour, seq, cure, route) of either database.</summary>
internal static class PartEventRow
{
    public static PartEvent Read(DbDataReader reader) => new(
        new AssetId(reader.GetString(0)),
        TimeCodec.FromMicros(reader.GetInt64(1)),
        (PartEventKind)Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
        reader.GetString(3),
        new VariantId(reader.IsDBNull(4) ? string.Empty : reader.GetString(4)),
        new ColourId(reader.IsDBNull(5) ? string.Empty : reader.GetString(5)),
        reader.GetInt64(6),
        reader.IsDBNull(7) ? null : (PartCure)Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture),
        reader.IsDBNull(8) ? null : new AssetId(reader.GetString(8)));
}
