using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Mes.Scheduling;

/// <summary>One production order of a schedule (a B2MML <c>OperationsRequest</c>): so many bodies of one variant and colour.</summary>
public sealed record ProductionOrder
{
    /// <summary>Gets the order id (the request's <c>ID</c>), unique in its schedule.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the product variant to build (the produced material's <c>MaterialDefinitionID</c>).</summary>
    public required VariantId Variant { get; init; }

    /// <summary>Gets the paint colour (the material requirement property <c>colour</c>); empty when the plant has no colours.</summary>
    public required ColourId Colour { get; init; }

    /// <summary>Gets the ordered options (each material requirement property <c>option</c>), in document order.</summary>
    public ValueList<string> Options { get; init; } = ValueList<string>.Empty;

    /// <summary>Gets the number of bodies ordered, at least 1.</summary>
    public required int Quantity { get; init; }

    /// <summary>Gets the earliest instant the first body may be released.</summary>
    public required DateTimeOffset EarliestStart { get; init; }

    /// <summary>Gets the instant the last body is due off the line.</summary>
    public required DateTimeOffset Due { get; init; }

    /// <summary>Gets the line (process segment) the order is planned on, or <see langword="null"/> for the plant's release line.</summary>
    public LineId? Line { get; init; }

    /// <summary>Gets the priority as sent (lower is more urgent in most MES); <see langword="null"/> when absent.</summary>
    public int? Priority { get; init; }

    /// <summary>Gets the 1-based line of the request in the imported document (0 when not read from a document).</summary>
    public int SourceLine { get; init; }
}
