using System.ComponentModel.DataAnnotations;

namespace FactoryTwin.Server;

/// <summary>How the co-hosted Orleans silo finds its cluster (section <c>Server:Orleans</c>).</summary>
public sealed class OrleansHostingOptions
{
    /// <summary>Gets or sets the clustering: <c>Localhost</c> (one machine) or <c>AdoNet</c> (a database shared by the nodes).</summary>
    /// <value>The default value is <c>Localhost</c>.</value>
    [Required]
    public string Clustering { get; set; } = "Localhost";

    /// <summary>Gets or sets the ADO.NET connection string for <c>AdoNet</c> clustering. Never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets the ADO.NET invariant name for <c>AdoNet</c> clustering.</summary>
    /// <value>The default value is <c>Npgsql</c>.</value>
    public string Invariant { get; set; } = "Npgsql";

    /// <summary>Gets or sets the silo-to-silo port.</summary>
    /// <value>The default value is 11111.</value>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Gets or sets the client gateway port.</summary>
    /// <value>The default value is 30000.</value>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Gets or sets the cluster id; nodes of one cluster share it.</summary>
    /// <value>The default value is <c>factorytwin</c>.</value>
    [Required]
    public string ClusterId { get; set; } = "factorytwin";

    /// <summary>Gets or sets the service id, which names the grain state; keep it across deployments.</summary>
    /// <value>The default value is <c>factorytwin</c>.</value>
    [Required]
    public string ServiceId { get; set; } = "factorytwin";

    /// <summary>
    /// Gets or sets the IP address other silos reach this one at, when it is not the one the host name resolves to (or
    /// loopback, for a node that serves on loopback only).
    /// </summary>
    [RegularExpression(@"^[0-9A-Fa-f:.]+$", ErrorMessage = "Server:Orleans:AdvertisedAddress must be an IP address.")]
    public string? AdvertisedAddress { get; set; }
}
