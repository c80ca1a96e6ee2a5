using System.Diagnostics;
using Npgsql;

namespace FactoryTwin.Historian.Tests.Postgres;

/// <summary>
/// Starts a throw-away PostgreSQL server from the Debian binaries: initdb into a temp folder (as the postgres user
/// when running as root, because initdb refuses root), pg_ctl start on a free loopback port with fsync off, and stop
/// and delete at the end. Without the binaries the tests are skipped (<see cref="RequireServer"/>) with a reason that names
/// the package and the apt-get command (also printed once by <c>dotnet test</c>, as an xunit diagnostic message:
/// xunit.runner.json), except under CI=true where that is a failure.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private string? _root;
    private string? _bin;
    private string? _data;
    private int _schemas;
    private static int s_reported;

    /// <summary>Gets the reason the tests are skipped, or null when a server runs.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Gets the connection string of the server's postgres database.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var initdb = FindInitDb();
        if (initdb is null)
        {
            var reason = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb), so the tests against a PostgreSQL historian are skipped. "
                + "Install it with: sudo apt-get install -y postgresql (README.md lists every Debian package of the full test suite). "
                + "Under CI=true this is a failure.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("CI=true: " + reason);
            }

            SkipReason = reason;
            return;
        }

        _bin = Path.GetDirectoryName(initdb)!;
        _root = Path.Combine(Path.GetTempPath(), "factorytwin-pg-" + Guid.NewGuid().ToString("N"));
        _data = Path.Combine(_root, "data");
        Directory.CreateDirectory(_root);
        if (IsRoot())
        {
            await RunAsync("chown", ["postgres:postgres", _root], asPostgres: false);
        }

        await RunAsync(initdb, ["-D", _data, "-A", "trust", "-U", "postgres", "--no-sync"]);
        var port = FreePorts.Next();
        await RunAsync(
            Path.Combine(_bin, "pg_ctl"),
            [
                "-D", _data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
                "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {_root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                "start",
            ]);
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true";
    }

    public async ValueTask DisposeAsync()
    {
        if (_data is not null && _bin is not null)
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "stop"]);
        }

        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Skips the calling test, saying why and how to install PostgreSQL, when no server runs.</summary>
    public void RequireServer()
    {
        if (SkipReason is not { } reason)
        {
            return;
        }

        // dotnet test shows a skipped test's name but not its reason (unless --logger "console;verbosity=detailed"):
        // say it once per test run as a diagnostic message, which it shows.
        if (Interlocked.Exchange(ref s_reported, 1) == 0)
        {
            TestContext.Current.SendDiagnosticMessage(reason);
        }

        Assert.Skip(reason);
    }

    /// <summary>Creates an empty schema and returns a connection string whose search path is it, so each test has its own store.</summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = "t" + Interlocked.Increment(ref _schemas).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString + ";Search Path=" + schema;
    }

    private static string? FindInitDb()
    {
        const string Root = "/usr/lib/postgresql";
        if (!Directory.Exists(Root))
        {
            return null;
        }

        return Directory.GetDirectories(Root)
            .Select(d => Path.Combine(d, "bin", "initdb"))
            .Where(File.Exists)
            .OrderByDescending(p => p, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static bool IsRoot() => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    private static async Task RunAsync(string file, string[] args, bool asPostgres = true)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres && IsRoot())
        {
            info.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                info.ArgumentList.Add(a);
            }
        }
        else
        {
            info.FileName = file;
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;

        // pg_ctl start leaves the server holding inherited pipes; read with a bound, not to EOF.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var output = await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System)) is Task<string[]> both
                ? string.Join('\n', both.Result) : string.Empty;
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {output}");
        }
    }
}
