using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using FactoryTwin.Mes.Schemas;
using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Mes.Scheduling;

/// <summary>
/// Reads a B2MML V0700 <c>OperationsSchedule</c> (or a <c>ProcessOperationsSchedule</c> carrying one): first against the
/// schema, then against the plant, reporting every problem with line:position. Nothing is returned unless the whole
/// document is valid. The mapping (docs/mes.md): each <c>OperationsRequest</c> is an order; its produced material
/// requirement names the variant (<c>MaterialDefinitionID</c>), the quantity and the properties <c>colour</c> and
/// <c>option</c>; <c>ProcessSegmentID</c> names the line; times come from the segment requirement, else the request,
/// else the schedule.
/// </summary>
public static class ScheduleImporter
{
    /// <summary>The default size limit of a schedule document in bytes (8 MiB, about 40,000 orders).</summary>
    public const long DefaultMaxDocumentBytes = 8L * 1024 * 1024;

    private static readonly XNamespace s_b2mml = B2mmlSchemas.Namespace;

    /// <summary>
    /// Reads a schedule document into memory, up to the size limit, and checks it completely, so that a store can keep
    /// the document exactly as it came once it is valid.
    /// </summary>
    /// <param name="document">The document; read to its end or to the size limit.</param>
    /// <param name="plant">The plant the orders must fit.</param>
    /// <param name="maxDocumentBytes">The size limit in bytes; a larger document is refused without being read to its end.</param>
    /// <param name="bytes">The document's bytes as read; empty when it was refused for its size.</param>
    /// <returns>The schedule, or every problem found.</returns>
    public static ScheduleImportResult ImportBuffered(Stream document, PlantModel plant, long maxDocumentBytes, out ReadOnlyMemory<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDocumentBytes, 1);
        var buffer = new MemoryStream();
        try
        {
            new LimitedStream(document, maxDocumentBytes).CopyTo(buffer);
        }
        catch (DocumentTooLargeException)
        {
            // Refused before parsing: the rest of the document is never read.
            bytes = ReadOnlyMemory<byte>.Empty;
            return new ScheduleImportResult(null, [TooLarge(maxDocumentBytes)]);
        }

        bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        buffer.Position = 0;
        return Import(buffer, plant, maxDocumentBytes);
    }

    /// <summary>Reads a schedule document.</summary>
    /// <param name="document">The document; read from its current position, at most <paramref name="maxDocumentBytes"/> + 1 bytes.</param>
    /// <param name="plant">The plant the orders must fit.</param>
    /// <param name="maxDocumentBytes">The size limit in bytes; a larger document is refused without being read to its end.</param>
    /// <returns>The schedule, or every problem found.</returns>
    public static ScheduleImportResult Import(Stream document, PlantModel plant, long maxDocumentBytes = DefaultMaxDocumentBytes)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDocumentBytes, 1);
        var problems = new List<ScheduleProblem>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            // A character is at least one byte in any encoding the reader accepts, so the byte limit bounds the characters.
            MaxCharactersInDocument = maxDocumentBytes,
            ValidationType = ValidationType.Schema,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            Schemas = B2mmlSchemas.Set,
            CloseInput = false,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add(new ScheduleProblem(
            e.Exception.LineNumber,
            e.Exception.LinePosition,
            ScheduleProblemCode.SchemaViolation,
            e.Exception.Message));

        XDocument xml;
        try
        {
            using var reader = XmlReader.Create(new LimitedStream(document, maxDocumentBytes), settings);
            xml = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex) when (ex.InnerException is DocumentTooLargeException || ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            return Fail(TooLarge(maxDocumentBytes));
        }
        catch (DocumentTooLargeException)
        {
            return Fail(TooLarge(maxDocumentBytes));
        }
        catch (XmlException ex)
        {
            // A document that is not well-formed cannot be judged further: schema complaints before the break are noise.
            return Fail(new ScheduleProblem(ex.LineNumber, ex.LinePosition, ScheduleProblemCode.MalformedXml, ex.Message));
        }

        var root = xml.Root!;
        var schedule = root.Name == s_b2mml + "OperationsSchedule"
            ? root
            : root.Name == s_b2mml + "ProcessOperationsSchedule" ? root.Element(s_b2mml + "DataArea")?.Element(s_b2mml + "OperationsSchedule") : null;
        if (schedule is null)
        {
            var (line, position) = Where(root);
            problems.Insert(0, new ScheduleProblem(line, position, ScheduleProblemCode.NotASchedule,
                $"The root element is '{root.Name.LocalName}' in namespace '{root.Name.NamespaceName}'; expected 'OperationsSchedule' or 'ProcessOperationsSchedule' in '{B2mmlSchemas.Namespace}'."));
            return Fail([.. problems]);
        }

        if (problems.Count > 0)
        {
            return Fail([.. problems]); // the plant checks assume a schema-valid document
        }

        var orders = new List<ProductionOrder>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var scheduleStart = Time(schedule, "StartTime", problems);
        var scheduleEnd = Time(schedule, "EndTime", problems);
        foreach (var request in schedule.Elements(s_b2mml + "OperationsRequest"))
        {
            if (ReadOrder(request, plant, scheduleStart, scheduleEnd, problems) is { } order)
            {
                if (!ids.Add(order.Id))
                {
                    Add(problems, request.Element(s_b2mml + "ID")!, ScheduleProblemCode.DuplicateOrder, $"Order '{order.Id}' appears more than once; order ids must be unique in a schedule.");
                }

                orders.Add(order);
            }
        }

        if (problems.Count > 0)
        {
            return Fail([.. problems.OrderBy(p => p.Line).ThenBy(p => p.Position)]);
        }

        return new ScheduleImportResult(
            new ProductionSchedule
            {
                Id = schedule.Element(s_b2mml + "ID")?.Value.Trim() ?? string.Empty,
                PublishedAt = Time(schedule, "PublishedDate", problems),
                Orders = orders.ToValueList(),
            },
            []);
    }

    private static ProductionOrder? ReadOrder(XElement request, PlantModel plant, DateTimeOffset? scheduleStart, DateTimeOffset? scheduleEnd, List<ScheduleProblem> problems)
    {
        int before = problems.Count;
        var idElement = request.Element(s_b2mml + "ID");
        var id = idElement?.Value.Trim() ?? string.Empty;
        if (id.Length == 0)
        {
            Add(problems, idElement ?? request, ScheduleProblemCode.MissingValue, "The operations request has no ID; every order needs one.");
        }

        var label = id.Length == 0 ? "The order" : $"Order '{id}'";
        var produced = request.Descendants(s_b2mml + "MaterialRequirement")
            .Where(m => m.Parent?.Name == s_b2mml + "SegmentRequirement" && (string?)m.Element(s_b2mml + "MaterialUse") is null or "Produced")
            .ToList();
        if (produced.Count == 0)
        {
            Add(problems, request, ScheduleProblemCode.MissingValue, $"{label} has no produced material requirement; name the variant in MaterialDefinitionID with MaterialUse 'Produced'.");
            return null;
        }

        if (produced.Count > 1)
        {
            Add(problems, produced[1], ScheduleProblemCode.AmbiguousProduct, $"{label} has {produced.Count} produced material requirements; send one order per product.");
            return null;
        }

        var material = produced[0];
        var segment = material.Parent!;

        var variantElement = material.Element(s_b2mml + "MaterialDefinitionID");
        var variant = new VariantId(variantElement?.Value.Trim() ?? string.Empty);
        if (variantElement is null || variant.Value.Length == 0)
        {
            Add(problems, material, ScheduleProblemCode.MissingValue, $"{label} names no product: MaterialDefinitionID must be a variant ({Known(plant.Variants.Items.Select(v => v.Id.Value))}).");
        }
        else if (!plant.Variants.Items.Any(v => v.Id == variant))
        {
            Add(problems, variantElement, ScheduleProblemCode.UnknownVariant, $"{label}: the plant has no variant '{variant.Value}' ({Known(plant.Variants.Items.Select(v => v.Id.Value))}).");
        }

        var colour = default(ColourId);
        var colourElement = Property(material, "colour").FirstOrDefault();
        if (colourElement is null)
        {
            if (plant.Colours.Count > 0)
            {
                Add(problems, material, ScheduleProblemCode.MissingValue, $"{label} has no colour: add MaterialRequirementProperty 'colour' ({Known(plant.Colours.Items.Select(c => c.Id.Value))}).");
            }
            else
            {
                colour = new ColourId(string.Empty);
            }
        }
        else
        {
            colour = new ColourId(colourElement.Value.Trim());
            if (!plant.Colours.Items.Any(c => c.Id == colour))
            {
                Add(problems, colourElement, ScheduleProblemCode.UnknownColour, $"{label}: the plant has no colour '{colour.Value}' ({Known(plant.Colours.Items.Select(c => c.Id.Value))}).");
            }
        }

        var options = Property(material, "option").Select(e => e.Value.Trim()).Where(o => o.Length > 0).ToList();

        int quantity = 0;
        var quantityElement = material.Element(s_b2mml + "Quantity")?.Element(s_b2mml + "QuantityString");
        if (quantityElement is null)
        {
            Add(problems, material, ScheduleProblemCode.MissingValue, $"{label} has no quantity: add Quantity/QuantityString with the number of bodies.");
        }
        else if (!int.TryParse(quantityElement.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out quantity) || quantity <= 0)
        {
            Add(problems, quantityElement, ScheduleProblemCode.InvalidQuantity, $"{label}: quantity '{quantityElement.Value.Trim()}' is not a whole number of bodies greater than 0.");
        }

        LineId? line = null;
        var lineElement = segment.Element(s_b2mml + "ProcessSegmentID");
        if (lineElement is not null)
        {
            line = new LineId(lineElement.Value.Trim());
            if (plant.FindLine(line.Value) is null)
            {
                Add(problems, lineElement, ScheduleProblemCode.UnknownLine, $"{label}: the plant has no line '{line.Value.Value}' ({Known(plant.Lines().Select(l => l.Id.Value))}).");
            }
        }

        int beforeTimes = problems.Count;
        var start = Time(segment, "EarliestStartTime", problems) ?? Time(request, "StartTime", problems) ?? scheduleStart;
        var due = Time(segment, "LatestEndTime", problems) ?? Time(request, "EndTime", problems) ?? scheduleEnd;
        if (problems.Count > beforeTimes)
        {
            return null; // a time without offset is reported where it is written
        }

        if (start is null || due is null)
        {
            Add(problems, request, ScheduleProblemCode.MissingValue, $"{label} has no {(start is null ? "earliest start" : "due time")}: set EarliestStartTime/LatestEndTime on the segment requirement, or StartTime/EndTime on the request or the schedule.");
        }
        else if (due <= start)
        {
            Add(problems, request, ScheduleProblemCode.InvalidTime, $"{label} is due at {due.Value:O}, not after its earliest start {start.Value:O}.");
        }

        int? priority = null;
        if (request.Element(s_b2mml + "Priority") is { } priorityElement)
        {
            if (int.TryParse(priorityElement.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p))
            {
                priority = p;
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new ProductionOrder
        {
            Id = id,
            Variant = variant,
            Colour = colour,
            Options = options.ToValueList(),
            Quantity = quantity,
            EarliestStart = start!.Value,
            Due = due!.Value,
            Line = line,
            Priority = priority,
            SourceLine = Where(request).Line,
        };
    }

    private static IEnumerable<XElement> Property(XElement material, string id) =>
        material.Elements(s_b2mml + "MaterialRequirementProperty")
            .Where(p => string.Equals(p.Element(s_b2mml + "ID")?.Value.Trim(), id, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Element(s_b2mml + "Value")?.Element(s_b2mml + "ValueString") ?? p);

    private static DateTimeOffset? Time(XElement parent, string name, List<ScheduleProblem> problems)
    {
        var element = parent.Element(s_b2mml + name);
        if (element is null)
        {
            return null;
        }

        var text = element.Value.Trim();
        // xsd:dateTime allows a local time without offset; the plant runs in UTC and a time zone, so the offset is required.
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            || !(text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text)))
        {
            Add(problems, element, ScheduleProblemCode.InvalidTime, $"{name} '{text}' has no UTC offset; write it like 2026-12-07T06:00:00+01:00 or 2026-12-07T05:00:00Z.");
            return null;
        }

        return value;

        static bool HasOffset(string text)
        {
            var t = text.IndexOf('T', StringComparison.Ordinal);
            return t > 0 && (text.IndexOf('+', t) > 0 || text.IndexOf('-', t) > 0);
        }
    }

    private static string Known(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count == 0 ? "the plant declares none" : "known: " + string.Join(", ", list);
    }

    private static void Add(List<ScheduleProblem> problems, XObject where, ScheduleProblemCode code, string message)
    {
        var (line, position) = Where(where);
        problems.Add(new ScheduleProblem(line, position, code, message));
    }

    private static (int Line, int Position) Where(XObject where) =>
        where is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (0, 0);

    internal static ScheduleProblem TooLarge(long maxDocumentBytes) => new(0, 0, ScheduleProblemCode.DocumentTooLarge,
        string.Create(CultureInfo.InvariantCulture, $"The document is larger than the limit of {maxDocumentBytes} bytes ({maxDocumentBytes / (1024.0 * 1024.0):0.#} MiB) and was not read to its end; split the schedule or raise Mes:MaxScheduleBytes."));

    private static ScheduleImportResult Fail(params ScheduleProblem[] problems) => new(null, problems);
}
