using System.Buffers;
using System.Text.Json;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry.Validation;

namespace FactoryTwin.Telemetry.Schema;

/// <summary>
/// Decodes schema v1 payloads with a <see cref="Utf8JsonReader"/> over the MQTT payload: no reflection, no DOM, and no
/// string per id — sensor, variant and colour ids are copied to a stack buffer and resolved through <see cref="PlantCatalog"/>.
/// Unknown properties are skipped so that a later minor version can add fields.
/// </summary>
internal static class TelemetryDecoder
{
    /// <summary>The longest id, in bytes, that is looked up; a longer one cannot be in the plant model.</summary>
    private const int MaxIdBytes = 256;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 8, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Decodes a payload.</summary>
    /// <param name="payload">The MQTT payload (UTF-8 JSON).</param>
    /// <param name="kind">The kind from the topic.</param>
    /// <param name="catalog">Resolves ids.</param>
    /// <param name="message">Receives the fields; it is reset first.</param>
    /// <param name="error">Why decoding failed, a constant text.</param>
    /// <returns><see langword="true"/> when the payload follows schema v1 for <paramref name="kind"/>.</returns>
    public static bool TryDecode(in ReadOnlySequence<byte> payload, MessageKind kind, PlantCatalog catalog, DecodedMessage message, out string error)
    {
        message.Reset();
        var reader = payload.IsSingleSegment ? new Utf8JsonReader(payload.FirstSpan, ReaderOptions) : new Utf8JsonReader(payload, ReaderOptions);
        try
        {
            return Decode(ref reader, kind, catalog, message, out error);
        }
        catch (JsonException)
        {
            error = "the payload is not valid JSON";
            return false;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader's string getters throw this for text that is not valid UTF-8.
            error = "the payload is not valid UTF-8";
            return false;
        }
    }

    /// <summary>Decodes a payload held in one span.</summary>
    /// <param name="payload">The payload.</param>
    /// <param name="kind">The kind from the topic.</param>
    /// <param name="catalog">Resolves ids.</param>
    /// <param name="message">Receives the fields.</param>
    /// <param name="error">Why decoding failed.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> payload, MessageKind kind, PlantCatalog catalog, DecodedMessage message, out string error)
    {
        message.Reset();
        var reader = new Utf8JsonReader(payload, ReaderOptions);
        try
        {
            return Decode(ref reader, kind, catalog, message, out error);
        }
        catch (JsonException)
        {
            error = "the payload is not valid JSON";
            return false;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader's string getters throw this for text that is not valid UTF-8.
            error = "the payload is not valid UTF-8";
            return false;
        }
    }

    private static bool Decode(ref Utf8JsonReader reader, MessageKind kind, PlantCatalog catalog, DecodedMessage message, out string error)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            error = "the payload must be a JSON object";
            return false;
        }

        bool hasTs = false, hasSeq = false, hasState = false, hasValues = false, hasEvent = false, hasPart = false, hasVariant = false, hasColour = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("ts"u8))
            {
                reader.Read();
                if (!TryReadTimestamp(ref reader, out var ts))
                {
                    error = "'ts' must be an RFC 3339 date-time with 'Z' or an offset";
                    return false;
                }

                message.Timestamp = ts;
                hasTs = true;
            }
            else if (reader.ValueTextEquals("seq"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var seq) || seq < 0)
                {
                    error = "'seq' must be a non-negative integer";
                    return false;
                }

                message.Seq = seq;
                hasSeq = true;
            }
            else if (kind == MessageKind.Measure && reader.ValueTextEquals("values"u8))
            {
                reader.Read();
                if (!ReadValues(ref reader, catalog, message, out error))
                {
                    return false;
                }

                hasValues = true;
            }
            else if (kind == MessageKind.State && reader.ValueTextEquals("state"u8))
            {
                reader.Read();
                if (!TryReadState(ref reader, out var state))
                {
                    error = "'state' must be one of working, setup, blocked, starved, down, off-shift";
                    return false;
                }

                message.State = state;
                hasState = true;
            }
            else if (kind == MessageKind.Count && reader.ValueTextEquals("good"u8))
            {
                reader.Read();
                if (!TryReadCounter(ref reader, out var good))
                {
                    error = "'good' must be an integer";
                    return false;
                }

                message.Good = good;
            }
            else if (kind == MessageKind.Count && reader.ValueTextEquals("scrap"u8))
            {
                reader.Read();
                if (!TryReadCounter(ref reader, out var scrap))
                {
                    error = "'scrap' must be an integer";
                    return false;
                }

                message.Scrap = scrap;
            }
            else if (kind == MessageKind.Part && reader.ValueTextEquals("event"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("enter"u8))
                {
                    message.PartEvent = PartEventKind.Enter;
                }
                else if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("exit"u8))
                {
                    message.PartEvent = PartEventKind.Exit;
                }
                else
                {
                    error = "'event' must be enter or exit";
                    return false;
                }

                hasEvent = true;
            }
            else if (kind == MessageKind.Part && reader.ValueTextEquals("part"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || ValueLength(ref reader) is 0 or > MaxIdBytes)
                {
                    error = "'part' must be a non-empty string of at most 256 bytes";
                    return false;
                }

                message.PartId = reader.GetString();
                hasPart = true;
            }
            else if (kind == MessageKind.Part && reader.ValueTextEquals("variant"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    error = "'variant' must be a string";
                    return false;
                }

                var id = Lookup(ref reader, catalog, static (c, id) => c.TryGetVariant(id, out var v) ? v : (VariantId?)null);
                message.Variant = id;
                message.UnknownProduct |= id is null;
                hasVariant = true;
            }
            else if (kind == MessageKind.Part && reader.ValueTextEquals("colour"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    error = "'colour' must be a string";
                    return false;
                }

                var id = Lookup(ref reader, catalog, static (c, id) => c.TryGetColour(id, out var v) ? v : (ColourId?)null);
                message.Colour = id;
                message.UnknownProduct |= id is null;
                hasColour = true;
            }
            else if (kind == MessageKind.Part && reader.ValueTextEquals("cure"u8))
            {
                reader.Read();
                message.Cure = reader.TokenType != JsonTokenType.String ? null
                    : reader.ValueTextEquals("ok"u8) ? PartCure.Ok
                    : reader.ValueTextEquals("under-cured"u8) ? PartCure.UnderCured
                    : reader.ValueTextEquals("over-baked"u8) ? PartCure.OverBaked
                    : null;
                if (message.Cure is null)
                {
                    error = "'cure' must be ok, under-cured or over-baked";
                    return false;
                }
            }
            else if (kind == MessageKind.Part && reader.ValueTextEquals("route"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || ValueLength(ref reader) is 0 or > MaxIdBytes)
                {
                    error = "'route' must be a non-empty string of at most 256 bytes";
                    return false;
                }

                message.Route = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            error = "the payload must be one JSON object";
            return false;
        }

        if (!hasTs || !hasSeq)
        {
            error = "'ts' and 'seq' are required";
            return false;
        }

        error = kind switch
        {
            MessageKind.State when !hasState => "a state message needs 'state'",
            MessageKind.Count when message.Good is null && message.Scrap is null => "a count message needs 'good' or 'scrap'",
            MessageKind.Measure when !hasValues || message.Values.Count == 0 => "a measure message needs a non-empty 'values' array",
            MessageKind.Part when !(hasEvent && hasPart && hasVariant && hasColour) => "a part message needs 'event', 'part', 'variant' and 'colour'",
            MessageKind.Part when message.Route is not null && message.Cure is null => "a part message with 'route' needs 'cure'",
            _ => string.Empty,
        };
        return error.Length == 0;
    }

    private static bool ReadValues(ref Utf8JsonReader reader, PlantCatalog catalog, DecodedMessage message, out string error)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            error = "'values' must be an array";
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            SensorInfo? sensor = null;
            bool hasSensor = false, hasValue = false;
            var status = ValueStatus.Ok;
            double value = 0;
            DateTimeOffset? ts = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("sensor"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        error = "'sensor' must be a string";
                        return false;
                    }

                    sensor = Lookup(ref reader, catalog, static (c, id) => c.TryGetSensor(id, out var s) ? s : null);
                    hasSensor = true;
                }
                else if (reader.ValueTextEquals("value"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Number)
                    {
                        // A number too large for a double (1e999) is reported as not finite, like an explicit "Infinity".
                        if (!reader.TryGetDouble(out value) || !double.IsFinite(value))
                        {
                            status = ValueStatus.NotFinite;
                        }
                    }
                    else if (reader.TokenType == JsonTokenType.String &&
                        (reader.ValueTextEquals("NaN"u8) || reader.ValueTextEquals("Infinity"u8) || reader.ValueTextEquals("-Infinity"u8)))
                    {
                        // How serializers with named floating-point literals write NaN and infinities.
                        status = ValueStatus.NotFinite;
                        value = double.NaN;
                    }
                    else
                    {
                        error = "'value' must be a number";
                        return false;
                    }

                    hasValue = true;
                }
                else if (reader.ValueTextEquals("ts"u8))
                {
                    reader.Read();
                    if (!TryReadTimestamp(ref reader, out var t))
                    {
                        error = "a value's 'ts' must be an RFC 3339 date-time with 'Z' or an offset";
                        return false;
                    }

                    ts = t;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (!hasSensor || !hasValue)
            {
                error = "each value needs 'sensor' and 'value'";
                return false;
            }

            if (sensor is null && status == ValueStatus.Ok)
            {
                status = ValueStatus.UnknownSensor;
            }

            message.Values.Add(new MeasureValue(sensor, value, ts, status));
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            error = "'values' must be an array of objects";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static bool TryReadTimestamp(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String || ValueLength(ref reader) is < 20 or > 40)
        {
            return false;
        }

        // RFC 3339 needs the 'T' and an explicit offset; Utf8JsonReader alone would accept a date or a local time.
        Span<char> text = stackalloc char[40];
        var n = reader.CopyString(text);
        if (n < 20)
        {
            // Shorter once its escapes are read ("\u0032…"): no RFC 3339 date-time.
            return false;
        }

        var explicitOffset = text[n - 1] is 'Z' or 'z' || (text[n - 6] is '+' or '-' && text[n - 3] == ':');
        if (text[10] is not ('T' or 't') || !explicitOffset || !reader.TryGetDateTimeOffset(out value))
        {
            return false;
        }

        value = value.ToUniversalTime();
        return true;
    }

    private static bool TryReadState(ref Utf8JsonReader reader, out StationState state)
    {
        state = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (reader.ValueTextEquals("working"u8))
        {
            state = StationState.Working;
        }
        else if (reader.ValueTextEquals("setup"u8))
        {
            state = StationState.Setup;
        }
        else if (reader.ValueTextEquals("blocked"u8))
        {
            state = StationState.Blocked;
        }
        else if (reader.ValueTextEquals("starved"u8))
        {
            state = StationState.Starved;
        }
        else if (reader.ValueTextEquals("down"u8))
        {
            state = StationState.Down;
        }
        else if (reader.ValueTextEquals("off-shift"u8))
        {
            state = StationState.OffShift;
        }
        else
        {
            return false;
        }

        return true;
    }

    private static bool TryReadCounter(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value);
    }

    private static long ValueLength(ref Utf8JsonReader reader) => reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;

    private static T? Lookup<T>(ref Utf8JsonReader reader, PlantCatalog catalog, Func<PlantCatalog, ReadOnlySpan<char>, T?> lookup)
    {
        if (ValueLength(ref reader) > MaxIdBytes)
        {
            return default;
        }

        Span<char> id = stackalloc char[MaxIdBytes];
        var n = reader.CopyString(id);
        return lookup(catalog, id[..n]);
    }
}
