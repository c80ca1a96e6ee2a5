using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Twin.Changes;

/// <summary>
/// Change notices of the twins activated in this process, coalesced per subscriber: each batch holds the latest notice
/// per (kind, key) since the previous batch, and a subscriber gets at most one batch per
/// <see cref="Hosting.TwinOptions.ChangeInterval"/>. A server forwards the batches to its SignalR clients.
/// </summary>
public interface ITwinChangeFeed
{
    /// <summary>Subscribes until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Ends the subscription.</param>
    /// <returns>The batches, each non-empty.</returns>
    IAsyncEnumerable<IReadOnlyList<TwinChange>> SubscribeAsync(CancellationToken cancellationToken = default);
}
