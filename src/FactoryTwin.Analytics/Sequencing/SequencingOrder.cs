using System.Globalization;

namespace FactoryTwin.Analytics.Sequencing;

/// <summary>
/// One order of a production schedule (e.g. an imported B2MML operations schedule): a quantity of bodies of one
/// variant, colour and option set, due by a position of the day. <see cref="Expand"/> turns a schedule into the
/// bodies to sequence.
/// </summary>
/// <param name="Id">The order id.</param>
/// <param name="Variant">The variant (model) ordered; kept for traceability, it does not constrain the sequence.</param>
/// <param name="Colour">The colour code.</param>
/// <param name="Options">The options of every body of the order.</param>
/// <param name="Quantity">How many bodies, at least 1.</param>
/// <param name="DuePosition">The position of the day by which the order's bodies are due, or <see langword="null"/>.</param>
public sealed record SequencingOrder(string Id, string Variant, string Colour, IReadOnlyList<string> Options, int Quantity, int? DuePosition = null)
{
    /// <summary>The most bodies one order may expand to.</summary>
    public const int MaxQuantity = 10_000;

    /// <summary>Expands orders into bodies <c>{order}-{n}</c> (n from 1), in order, which is the first-come-first-served baseline.</summary>
    /// <param name="orders">The orders.</param>
    /// <returns>The bodies.</returns>
    /// <exception cref="ArgumentException">An order has no id or a quantity outside 1–<see cref="MaxQuantity"/>.</exception>
    public static IReadOnlyList<SequencingBody> Expand(IEnumerable<SequencingOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var bodies = new List<SequencingBody>();
        foreach (var order in orders)
        {
            if (order is null || string.IsNullOrWhiteSpace(order.Id))
            {
                throw new ArgumentException("an order has no id.", nameof(orders));
            }

            if (order.Quantity is < 1 or > MaxQuantity)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"order '{order.Id}' has quantity {order.Quantity}; it must be 1 to {MaxQuantity}."), nameof(orders));
            }

            for (var i = 1; i <= order.Quantity; i++)
            {
                bodies.Add(new SequencingBody(string.Create(CultureInfo.InvariantCulture, $"{order.Id}-{i}"), order.Colour, order.Options ?? [], order.DuePosition));
            }
        }

        return bodies;
    }

    /// <summary>The due position of a due time on a line painting one body every <paramref name="takt"/> from <paramref name="start"/>:
    /// the last slot that finishes by the due time, at least 1.</summary>
    /// <param name="due">The due time.</param>
    /// <param name="start">When the first slot starts.</param>
    /// <param name="takt">The time per body.</param>
    /// <returns>The 1-based due position.</returns>
    public static int DuePositionOf(DateTimeOffset due, DateTimeOffset start, TimeSpan takt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(takt, TimeSpan.Zero);
        var slots = Math.Floor((due - start) / takt);
        return (int)Math.Clamp(slots, 1, int.MaxValue);
    }
}
