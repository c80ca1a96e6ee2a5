using System.Globalization;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Serialization;

namespace FactoryTwin.Twin.Changes;

/// <summary>
/// Carries the change feed across the nodes of a cluster whose twins share a PostgreSQL database
/// (<see cref="TwinStorageProvider.Postgres"/>): a twin publishes its changes on the node where it is active, so this
/// relay sends this node's coalesced batches with <c>pg_notify</c> on the service's channel (<see cref="ChannelOf"/>) and delivers the other
/// nodes' notices to this node's subscribers (<see cref="TwinChangeHub.PublishRemote"/>), so a dashboard connected to
/// any node sees every change. Why LISTEN/NOTIFY and not an Orleans stream: docs/adr/0003-cluster-on-postgresql.md.
/// A notice is <c>{node id}:{base64 of the Orleans-serialized changes}</c>; a batch is split to keep each notice under
/// PostgreSQL's 8000-byte limit. Notices are delivered at most once to the nodes listening at the time, which is what a
/// live view needs (a node that starts reads current state from the grains, not from old notices).
/// </summary>
internal sealed class PostgresChangeRelay : BackgroundService
{
    /// <summary>The notification channel's prefix; the Orleans service id completes it, so services sharing a database do not mix.</summary>
    public const string ChannelPrefix = "factorytwin_changes_";

    /// <summary>The largest notice sent, in bytes (PostgreSQL refuses 8000 and more).</summary>
    internal const int MaxPayload = 7900;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly TwinChangeHub _hub;
    private readonly Serializer _serializer;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresChangeRelay> _logger;
    private readonly string _connectionString;
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly string _channel;

    public PostgresChangeRelay(
        TwinChangeHub hub, Serializer serializer, IOptions<TwinOptions> options, IOptions<Orleans.Configuration.ClusterOptions> cluster, TimeProvider time, ILogger<PostgresChangeRelay> logger)
    {
        _channel = ChannelOf(cluster.Value.ServiceId);
        _hub = hub;
        _serializer = serializer;
        _time = time;
        _logger = logger;
        _connectionString = options.Value.ConnectionString!;
    }

    /// <summary>Gets the number of notices received from other nodes (for tests and metrics).</summary>
    public long Received => Interlocked.Read(ref _received);

    private long _received;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(KeepAsync(SendAsync, stoppingToken), KeepAsync(ListenAsync, stoppingToken));

    /// <summary>The channel of a service: the prefix and the service id's letters and digits (a PostgreSQL identifier: at most 63 bytes).</summary>
    /// <param name="serviceId">The Orleans service id.</param>
    /// <returns>The channel name.</returns>
    internal static string ChannelOf(string serviceId)
    {
        var name = ChannelPrefix + string.Concat(serviceId.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit));
        return name.Length <= 63 ? name : name[..63];
    }

    /// <summary>Splits a batch into notices, each under <see cref="MaxPayload"/> bytes.</summary>
    /// <param name="node">The sending node's id.</param>
    /// <param name="batch">The changes.</param>
    /// <param name="serializer">The Orleans serializer.</param>
    /// <returns>The notices.</returns>
    internal static List<string> Encode(string node, IReadOnlyList<TwinChange> batch, Serializer serializer)
    {
        var notices = new List<string>();
        var start = 0;
        while (start < batch.Count)
        {
            // Take as many as fit; halve on overflow. One change that alone does not fit goes without its view (the
            // receiving node then shows that asset's next change that fits, or reads it from the grain).
            var count = batch.Count - start;
            while (true)
            {
                var payload = Notice(node, batch.Skip(start).Take(count).ToArray(), serializer);
                if (payload.Length <= MaxPayload)
                {
                    notices.Add(payload);
                    break;
                }

                if (count == 1)
                {
                    notices.Add(Notice(node, [batch[start] with { View = null }], serializer));
                    break;
                }

                count /= 2;
            }

            start += count;
        }

        return notices;
    }

    /// <summary>Reads a notice.</summary>
    /// <param name="payload">The notice.</param>
    /// <param name="serializer">The Orleans serializer.</param>
    /// <param name="node">The sending node's id.</param>
    /// <returns>The changes, or <see langword="null"/> when the notice is not one of ours.</returns>
    internal static TwinChange[]? Decode(string payload, Serializer serializer, out string node)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        node = colon > 0 ? payload[..colon] : "";
        if (colon <= 0)
        {
            return null;
        }

        var bytes = new byte[(payload.Length - colon) * 3 / 4 + 3];
        return Convert.TryFromBase64Chars(payload.AsSpan(colon + 1), bytes, out var written)
            ? serializer.Deserialize<TwinChange[]>(bytes.AsMemory(0, written))
            : null;
    }

    private static string Notice(string node, TwinChange[] changes, Serializer serializer) =>
        node + ":" + Convert.ToBase64String(serializer.SerializeToArray(changes));

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await foreach (var batch in _hub.SubscribeAsync(localOnly: true, cancellationToken))
        {
            foreach (var notice in Encode(_node, batch, _serializer))
            {
                await using var command = new NpgsqlCommand("SELECT pg_notify(@c, @p)", connection);
                command.Parameters.AddWithValue("c", _channel);
                command.Parameters.AddWithValue("p", notice);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        connection.Notification += (_, e) =>
        {
            TwinChange[]? changes;
            string node;
            try
            {
                changes = Decode(e.Payload, _serializer, out node);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Something else on the channel (another version, another program): skipped, the relay goes on.
                Log.ChangeNoticeUnreadable(_logger, ex);
                return;
            }

            if (changes is null || string.Equals(node, _node, StringComparison.Ordinal))
            {
                return;
            }

            Interlocked.Increment(ref _received);
            foreach (var change in changes)
            {
                _hub.PublishRemote(change);
            }
        };
        await using (var listen = new NpgsqlCommand("LISTEN \"" + _channel + "\"", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            await connection.WaitAsync(cancellationToken);
        }
    }

    // A lost connection (database restart, network) is retried every second; the live view misses what was sent meanwhile.
    private async Task KeepAsync(Func<CancellationToken, Task> loop, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await loop(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
            {
                Log.ChangeRelayFailed(_logger, e, RetryDelay.TotalSeconds.ToString(CultureInfo.InvariantCulture));
            }

            try
            {
                await Task.Delay(RetryDelay, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
