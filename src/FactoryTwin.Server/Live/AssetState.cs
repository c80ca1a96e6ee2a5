namespace FactoryTwin.Server.Live;

/// <summary>The live state of one asset: the latest value of each of its series.</summary>
/// <param name="Asset">The asset id.</param>
/// <param name="Line">The line id.</param>
/// <param name="Values">The latest value per channel (<c>state</c>, <c>good</c>, <c>scrap</c>, or a sensor id).</param>
internal sealed record AssetState(string Asset, string Line, IReadOnlyDictionary<string, ChannelValue> Values);
