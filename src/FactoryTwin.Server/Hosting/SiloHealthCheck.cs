using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace FactoryTwin.Server.Hosting;

/// <summary>
/// Ready when this node's Orleans silo is an active member of its cluster: joined, and neither leaving nor declared
/// dead by the others. A node whose silo is not active cannot host grains, so a load balancer should not send it work.
/// </summary>
internal sealed class SiloHealthCheck : IHealthCheck
{
    private readonly IClusterMembershipService _membership;
    private readonly ILocalSiloDetails _silo;

    public SiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo)
    {
        _membership = membership;
        _silo = silo;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Evaluate(_membership.CurrentSnapshot.GetSiloStatus(_silo.SiloAddress)));

    /// <summary>The verdict for a silo status, as the membership table of this node sees it.</summary>
    /// <param name="status">The local silo's status.</param>
    /// <returns>Healthy only for <see cref="SiloStatus.Active"/>.</returns>
    internal static HealthCheckResult Evaluate(SiloStatus status)
    {
        var data = new Dictionary<string, object> { ["status"] = status.ToString() };
        return status switch
        {
            SiloStatus.Active => HealthCheckResult.Healthy(data: data),
            SiloStatus.None or SiloStatus.Created or SiloStatus.Joining =>
                HealthCheckResult.Unhealthy($"The Orleans silo has not joined its cluster yet ({status}).", data: data),
            SiloStatus.ShuttingDown or SiloStatus.Stopping =>
                HealthCheckResult.Unhealthy($"The Orleans silo is leaving its cluster ({status}).", data: data),
            _ => HealthCheckResult.Unhealthy($"The Orleans silo is not an active member of its cluster ({status}).", data: data),
        };
    }
}
