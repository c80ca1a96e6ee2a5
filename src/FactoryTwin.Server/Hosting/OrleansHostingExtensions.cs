using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using FactoryTwin.Twin.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;

namespace FactoryTwin.Server.Hosting;

/// <summary>The co-hosted Orleans silo: localhost clustering on one machine, ADO.NET clustering for a cluster.</summary>
internal static class OrleansHostingExtensions
{
    public static WebApplicationBuilder AddFactoryTwinSilo(this WebApplicationBuilder builder, OrleansHostingOptions options, string dataFolder)
    {
        builder.UseOrleans(silo =>
        {
            if (string.Equals(options.Clustering, "AdoNet", StringComparison.OrdinalIgnoreCase))
            {
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = options.Invariant;
                    o.ConnectionString = options.ConnectionString
                        ?? throw new InvalidOperationException("Server:Orleans:ConnectionString is required for AdoNet clustering.");
                });
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = options.ClusterId;
                    o.ServiceId = options.ServiceId;
                });
                silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort);
            }
            else if (string.Equals(options.Clustering, "Localhost", StringComparison.OrdinalIgnoreCase))
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, options.ServiceId, options.ClusterId);
            }
            else
            {
                throw new InvalidOperationException($"Server:Orleans:Clustering must be Localhost or AdoNet, not '{options.Clustering}'.");
            }
        });

        // The live twin: grains, their storage, the change feed and the telemetry observer (section Twin), in the same
        // silo (UseOrleans reuses one silo builder). Its embedded grain state lives in the server's data folder unless
        // Twin:DataFolder says otherwise.
        builder.AddFactoryTwin(o =>
        {
            if (builder.Configuration["Twin:DataFolder"] is null)
            {
                o.DataFolder = dataFolder;
            }
        });
        return builder;
    }
}
