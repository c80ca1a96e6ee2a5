namespace FactoryTwin.Twin.Abstractions;

/// <summary>The live twin of a line, keyed by the line id: WIP, output, lead time, and the line OEE from its stations.</summary>
[Alias("FactoryTwin.Twin.ILineTwinGrain")]
public interface ILineTwinGrain : IGrainWithStringKey
{
    /// <summary>Applies the part events of the line's assets from one committed batch.</summary>
    /// <param name="parts">The part events, in batch order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the state is updated.</returns>
    [Alias("ApplyParts")]
    Task ApplyPartsAsync(TwinPartEvent[] parts, CancellationToken cancellationToken = default);

    /// <summary>Gets the line's state and KPIs up to now (asks each station twin for its KPIs).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The view.</returns>
    [Alias("GetView")]
    Task<LineTwinView> GetViewAsync(CancellationToken cancellationToken = default);
}
