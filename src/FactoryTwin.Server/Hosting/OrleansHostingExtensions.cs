using System.Net;
using FactoryTwin.Server.Cluster;
using FactoryTwin.Twin.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;

namespace FactoryTwin.Server.Hosting;

/// <summary>
/// The co-hosted Orleans silo: localhost clustering on one machine; in cluster mode (<see cref="ServerOptions.Cluster"/>)
/// ADO.NET clustering, grain persistence and reminders on the cluster's PostgreSQL database.
/// </summary>
internal static class OrleansHostingExtensions
{
    public static WebApplicationBuilder AddFactoryTwinSilo(this WebApplicationBuilder builder, ServerOptions server)
    {
        var options = server.Orleans;
        var cluster = server.Cluster == ClusterMode.Postgres;

        // Outside cluster mode, ADO.NET clustering and the twin's PostgreSQL grain storage use the same tables and
        // statements as a cluster does: the schema is applied here too (cluster mode applied it before anything else).
        if (!cluster && string.Equals(options.Clustering, "AdoNet", StringComparison.OrdinalIgnoreCase)
            && string.Equals(options.Invariant, TwinSiloBuilderExtensions.PostgresInvariant, StringComparison.Ordinal)
            && !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            ClusterHostingExtensions.ApplySchema(options.ConnectionString, "Server:Orleans:ConnectionString");
        }

        if (!cluster && string.Equals(builder.Configuration["Twin:Storage"], nameof(TwinStorageProvider.Postgres), StringComparison.OrdinalIgnoreCase)
            && builder.Configuration["Twin:ConnectionString"] is { Length: > 0 } twinDatabase)
        {
            ClusterHostingExtensions.ApplySchema(twinDatabase, "Twin:ConnectionString");
        }

        builder.UseOrleans(silo =>
        {
            if (cluster)
            {
                var connectionString = server.ClusterConnectionString!;
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = TwinSiloBuilderExtensions.PostgresInvariant;
                    o.ConnectionString = connectionString;
                });
                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = TwinSiloBuilderExtensions.PostgresInvariant;
                    o.ConnectionString = connectionString;
                });
                Join(silo, options, server.Host);
            }
            else if (string.Equals(options.Clustering, "AdoNet", StringComparison.OrdinalIgnoreCase))
            {
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = options.Invariant;
                    o.ConnectionString = options.ConnectionString
                        ?? throw new InvalidOperationException("Server:Orleans:ConnectionString is required for AdoNet clustering.");
                });
                Join(silo, options, server.Host);
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
        // Twin:DataFolder says otherwise; in cluster mode it lives in the cluster's database unless Twin:Storage says otherwise.
        builder.AddFactoryTwin(o =>
        {
            if (builder.Configuration["Twin:DataFolder"] is null)
            {
                o.DataFolder = server.DataFolder;
            }

            if (cluster && builder.Configuration["Twin:Storage"] is null)
            {
                o.Storage = TwinStorageProvider.Postgres;
                o.ConnectionString = server.ClusterConnectionString;
            }
        });
        return builder;
    }

    // A silo of a multi-node cluster: the cluster and service ids, and the address other silos reach it at.
    private static void Join(ISiloBuilder silo, OrleansHostingOptions options, string host)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        if (options.AdvertisedAddress is { } advertised)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(advertised), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }
        else if (host is "127.0.0.1" or "localhost")
        {
            // A node that serves loopback only is a cluster on one machine: its silos meet on loopback too.
            silo.ConfigureEndpoints(IPAddress.Loopback, options.SiloPort, options.GatewayPort);
        }
        else
        {
            silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort);
        }
    }
}
