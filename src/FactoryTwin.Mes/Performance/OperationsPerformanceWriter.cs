using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using FactoryTwin.Mes.Schemas;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Mes.Performance;

/// <summary>
/// Writes a <see cref="PerformanceReport"/> as a B2MML V0700 <c>OperationsPerformance</c>: one <c>OperationsResponse</c> per
/// order (<c>OperationsRequestID</c> = the order) with one <c>SegmentResponse</c> per line that produced or scrapped its
/// bodies in the window (<c>MaterialActual</c> Produced and Other/Scrapped quantities, and one <c>SegmentData</c> per body
/// with its cure verdict, index and worst point), and one response <c>downtime</c> with each station's time per reason
/// (<c>EquipmentActualProperty</c>, seconds). The mapping is documented in docs/mes.md.
/// </summary>
public static class OperationsPerformanceWriter
{
    private static readonly XNamespace s_b2mml = B2mmlSchemas.Namespace;

    /// <summary>Builds the document.</summary>
    /// <param name="report">The report.</param>
    /// <param name="publishedAt">The publication time written to <c>PublishedDate</c>.</param>
    /// <returns>The document.</returns>
    public static XDocument ToXml(PerformanceReport report, DateTimeOffset publishedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = new XElement(s_b2mml + "OperationsPerformance",
            new XAttribute(XNamespace.Xmlns + "xsi", XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance")),
            El("ID", report.Id),
            El("Description", Describe(report)),
            El("OperationsType", "Production"),
            report.Schedule.Id.Length > 0 ? El("OperationsScheduleID", report.Schedule.Id) : null,
            El("StartTime", Time(report.From)),
            El("EndTime", Time(report.Until)),
            El("PublishedDate", Time(publishedAt)));
        foreach (var order in report.Orders)
        {
            root.Add(Response(order));
        }

        if (report.Downtime.Count > 0)
        {
            root.Add(Downtime(report));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>Writes the document as UTF-8 XML.</summary>
    /// <param name="report">The report.</param>
    /// <param name="publishedAt">The publication time.</param>
    /// <param name="output">Where to write; left open.</param>
    public static void Write(PerformanceReport report, DateTimeOffset publishedAt, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false });
        ToXml(report, publishedAt).Save(writer);
    }

    private static XElement Response(OrderPerformance order)
    {
        var response = new XElement(s_b2mml + "OperationsResponse",
            El("ID", order.Order.Id),
            El("Description", string.Create(CultureInfo.InvariantCulture,
                $"{order.Order.Quantity} × {order.Order.Variant.Value} {order.Order.Colour.Value}: released {order.Released}, completed {order.Completed}, scrapped {order.Scrapped}, in progress {order.InProgress}, status {order.Status}")),
            El("OperationsType", "Production"),
            El("OperationsRequestID", order.Order.Id),
            order.FirstReleaseAt is { } start ? El("StartTime", Time(start)) : null,
            order.LastCompletionAt is { } end && order.Status == OrderStatus.Completed ? El("EndTime", Time(end)) : null,
            State("ResponseState", order.Status));
        foreach (var segment in order.Segments)
        {
            response.Add(new XElement(s_b2mml + "SegmentResponse",
                El("ID", $"{order.Order.Id}/{segment.Line.Value}"),
                El("OperationsType", "Production"),
                El("ProcessSegmentID", segment.Line.Value),
                segment.FirstAt is { } first ? El("ActualStartTime", Time(first)) : null,
                segment.LastAt is { } last ? El("ActualEndTime", Time(last)) : null,
                BodyData(order, segment),
                new XElement(s_b2mml + "EquipmentActual", El("EquipmentID", segment.Line.Value)),
                Material(order, "Produced", null, segment.Produced),
                Material(order, "Other", "Scrapped", segment.Scrapped)));
        }

        return response;
    }

    private static IEnumerable<XElement> BodyData(OrderPerformance order, SegmentPerformance segment)
    {
        foreach (var body in order.Bodies)
        {
            var q = body.Quality;

            // The plant's own verdict when it reported one (what happened to the body), else the twin's prediction; the
            // twin's cure index and worst point when it predicted the same oven.
            var predicted = q is not null && (body.Reported is null || body.Reported.Oven == q.Oven) ? q : null;
            // A body's data goes with the segment that holds its oven, or the first segment when no oven judged it.
            bool here = body.QualityLine is { } line && order.Segments.Any(s => s.Line == line) ? line == segment.Line : segment == order.Segments[0];
            if (!here)
            {
                continue;
            }

            yield return new XElement(s_b2mml + "SegmentData",
                El("ID", body.PartId),
                El("Description", "body"),
                Data("released-at", Time(body.ReleasedAt), null),
                body.FinishedAt is { } f ? Data("finished-at", Time(f), null) : null,
                body.ScrappedAt is { } s ? Data("scrapped-at", s.Value, null) : null,
                Data("cure-verdict", body.Reported is { } r ? CureName(r.Verdict) : q?.Verdict ?? "not-predicted", null),
                Data("cure-source", body.Reported is not null ? "plant" : q is not null ? "twin" : "none", null),
                body.Reported?.Route is { } route ? Data("cure-route", route.Value, null) : null,
                predicted is null ? null : Data("cure-index", predicted.CureIndex.ToString("R", CultureInfo.InvariantCulture), "fraction"),
                predicted is null ? null : Data("worst-point", predicted.WorstPoint, null),
                (body.Reported?.Oven ?? q?.Oven) is { } oven ? Data("oven", oven.Value, null) : null);
        }
    }

    private static string CureName(PartCure verdict) => verdict switch
    {
        PartCure.UnderCured => "under-cured",
        PartCure.OverBaked => "over-baked",
        _ => "ok",
    };

    private static XElement Data(string id, string value, string? unit) => new(s_b2mml + "SegmentData",
        El("ID", id),
        new XElement(s_b2mml + "Value", El("ValueString", value), unit is null ? null : El("UnitOfMeasure", unit)));

    private static XElement? Material(OrderPerformance order, string use, string? other, int quantity)
    {
        if (quantity == 0 && other is not null)
        {
            return null;
        }

        var material = new XElement(s_b2mml + "MaterialActual",
            El("MaterialDefinitionID", order.Order.Variant.Value),
            other is null ? El("MaterialUse", use) : new XElement(s_b2mml + "MaterialUse", new XAttribute("OtherValue", other), use),
            new XElement(s_b2mml + "Quantity",
                El("QuantityString", quantity.ToString(CultureInfo.InvariantCulture)),
                El("DataType", "integer"),
                El("UnitOfMeasure", "body")));
        if (order.Order.Colour.Value.Length > 0)
        {
            material.Add(Property("colour", order.Order.Colour.Value));
        }

        foreach (var option in order.Order.Options)
        {
            material.Add(Property("option", option));
        }

        return material;

        static XElement Property(string id, string value) => new(s_b2mml + "MaterialActualProperty",
            El("ID", id),
            new XElement(s_b2mml + "Value", El("ValueString", value)));
    }

    private static XElement Downtime(PerformanceReport report)
    {
        var response = new XElement(s_b2mml + "OperationsResponse",
            El("ID", "downtime"),
            El("Description", "Time each station spent down, in setup, blocked or starved in the window, by reason (seconds; the quantity is the number of intervals)."),
            El("OperationsType", "Production"),
            El("StartTime", Time(report.From)),
            El("EndTime", Time(report.Until)));
        foreach (var line in report.Downtime.GroupBy(d => d.Line))
        {
            var segment = new XElement(s_b2mml + "SegmentResponse",
                El("ID", $"downtime/{line.Key.Value}"),
                El("OperationsType", "Production"),
                El("ProcessSegmentID", line.Key.Value),
                El("ActualStartTime", Time(report.From)),
                El("ActualEndTime", Time(report.Until)));
            foreach (var station in line.GroupBy(d => d.Station))
            {
                segment.Add(new XElement(s_b2mml + "EquipmentActual",
                    El("EquipmentID", station.Key.Value),
                    station.Select(d => new XElement(s_b2mml + "EquipmentActualProperty",
                        El("ID", Reason(d.Reason)),
                        new XElement(s_b2mml + "Value",
                            El("ValueString", Math.Round(d.Seconds, 3).ToString("R", CultureInfo.InvariantCulture)),
                            El("DataType", "double"),
                            El("UnitOfMeasure", "s")),
                        new XElement(s_b2mml + "Quantity",
                            El("QuantityString", d.Occurrences.ToString(CultureInfo.InvariantCulture)),
                            El("DataType", "integer"),
                            El("UnitOfMeasure", "interval"))))));
            }

            response.Add(segment);
        }

        return response;
    }

    /// <summary>The telemetry's name of a state (docs/telemetry.md).</summary>
    internal static string Reason(StationState state) => state switch
    {
        StationState.Down => "down",
        StationState.Setup => "setup",
        StationState.Blocked => "blocked",
        StationState.Starved => "starved",
        StationState.OffShift => "off-shift",
        _ => "working",
    };

    private static XElement State(string name, OrderStatus status) => status switch
    {
        OrderStatus.NotStarted => El(name, "Ready"),
        OrderStatus.InProgress => El(name, "Running"),
        OrderStatus.Completed => El(name, "Completed"),
        _ => new XElement(s_b2mml + name, new XAttribute("OtherValue", "Late"), "Other"),
    };

    private static string Describe(PerformanceReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Performance against schedule '{report.Schedule.Id}'");
        if (report.Shift is { } shift)
        {
            text.Append(CultureInfo.InvariantCulture, $" in shift {shift}");
        }

        text.Append(CultureInfo.InvariantCulture, $"; {report.UnscheduledBodies} bodies released outside the schedule.");
        return text.ToString();
    }

    private static string Time(DateTimeOffset at) => XmlConvert.ToString(at.ToUniversalTime());

    private static XElement El(string name, string value) => new(s_b2mml + name, value);
}
