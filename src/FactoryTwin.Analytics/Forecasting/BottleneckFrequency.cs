using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Forecasting;

/// <summary>How often a station was the bottleneck over the replications (active-period method, Roser et al. 2002).</summary>
/// <param name="Station">The station.</param>
/// <param name="Frequency">The fraction of replications in which it had the largest bottleneck share (sole + shifting).</param>
/// <param name="MeanShare">Its mean bottleneck share (sole + shifting fraction of the forecast window) over all replications.</param>
public sealed record BottleneckFrequency(AssetId Station, double Frequency, double MeanShare);
