using FactoryTwin.Model.Collections;

namespace FactoryTwin.Mes.Scheduling;

/// <summary>A production schedule (a B2MML <c>OperationsSchedule</c>): the orders in the MES's sequence.</summary>
public sealed record ProductionSchedule
{
    /// <summary>Gets the schedule id; empty when the document has none.</summary>
    public required string Id { get; init; }

    /// <summary>Gets when the MES published it, when the document says.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Gets the orders in document order, which is the release sequence among orders that may start.</summary>
    public required ValueList<ProductionOrder> Orders { get; init; }

    /// <summary>Gets the total number of bodies ordered.</summary>
    public long TotalQuantity => Orders.Items.Sum(o => (long)o.Quantity);

    /// <summary>Finds an order by id.</summary>
    /// <param name="orderId">The order id.</param>
    /// <returns>The order, or <see langword="null"/>.</returns>
    public ProductionOrder? Find(string orderId) => Orders.Items.FirstOrDefault(o => string.Equals(o.Id, orderId, StringComparison.Ordinal));
}
