using System.ComponentModel.DataAnnotations;

namespace FactoryTwin.Server;

/// <summary>Configuration of the server host (section <c>Server</c>); every setting is listed in docs/configuration.md.</summary>
public sealed class ServerOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Server";

    /// <summary>The default data folder.</summary>
    public const string DefaultDataFolder = "./data";

    /// <summary>The default largest request body accepted, in bytes (1 MiB).</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>The default sign-in attempts allowed per client address and minute.</summary>
    public const int DefaultSignInAttemptsPerMinute = 10;

    /// <summary>The default wrong current passwords, per user or per client address, that lock out password changes.</summary>
    public const int DefaultPasswordFailuresBeforeLockout = 5;

    /// <summary>The default length of a lockout, in minutes.</summary>
    public const int DefaultLockoutMinutes = 15;

    /// <summary>The default API requests allowed per user (or client address) and minute.</summary>
    public const int DefaultApiRequestsPerMinute = 1200;

    /// <summary>The default largest page size of a paginated answer.</summary>
    public const int DefaultMaxPageSize = 500;

    /// <summary>The default of <see cref="ShutdownSeconds"/>.</summary>
    public const int DefaultShutdownSeconds = 25;

    /// <summary>Gets or sets the address HTTPS listens on; loopback by default so nothing is exposed without a decision.</summary>
    /// <value>The default value is <c>127.0.0.1</c>.</value>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the HTTPS port, or 0 for a free port chosen at start-up.</summary>
    /// <value>The default value is 0.</value>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>Gets or sets the folder for the generated certificate, the security store and the audit log (created when missing).</summary>
    /// <value>The default value is <c>./data</c>.</value>
    [Required]
    public string DataFolder { get; set; } = DefaultDataFolder;

    /// <summary>
    /// Gets or sets the folder of the data-protection key ring that signs the sign-in cookies and antiforgery tokens
    /// (created 0700 when missing); <see langword="null"/> for <c>keys</c> in the data folder. Nodes that must accept each
    /// other's cookies share this folder (and the security store), see docs/security.md.
    /// </summary>
    public string? KeyRingFolder { get; set; }

    /// <summary>Gets or sets the plant file; <see langword="null"/> for the bundled automotive sample.</summary>
    public string? PlantFile { get; set; }

    /// <summary>Gets or sets a PFX/PKCS#12 certificate file for HTTPS and MQTT over TLS; <see langword="null"/> to generate a self-signed one in the data folder.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Gets or sets the password of <see cref="CertificatePath"/>, or <see langword="null"/>. Never logged.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Gets or sets the largest request body accepted, in bytes; a larger one is answered 413.</summary>
    /// <value>The default value is <see cref="DefaultMaxRequestBodyBytes"/>.</value>
    [Range(1024, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>Gets or sets the sign-in attempts allowed per client address and minute; more are answered 429.</summary>
    /// <value>The default value is <see cref="DefaultSignInAttemptsPerMinute"/>.</value>
    [Range(1, 1_000_000)]
    public int SignInAttemptsPerMinute { get; set; } = DefaultSignInAttemptsPerMinute;

    /// <summary>
    /// Gets or sets how many wrong current passwords, for one user or from one client address within
    /// <see cref="LockoutMinutes"/>, lock out password changes for that user or address for <see cref="LockoutMinutes"/>
    /// (answered 429, even with the right password).
    /// </summary>
    /// <value>The default value is <see cref="DefaultPasswordFailuresBeforeLockout"/>.</value>
    [Range(1, 1000)]
    public int PasswordFailuresBeforeLockout { get; set; } = DefaultPasswordFailuresBeforeLockout;

    /// <summary>Gets or sets how long a lockout lasts, and the window in which failures are counted, in minutes.</summary>
    /// <value>The default value is <see cref="DefaultLockoutMinutes"/>.</value>
    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = DefaultLockoutMinutes;

    /// <summary>Gets or sets the API requests allowed per user (or client address) and minute; more are answered 429.</summary>
    /// <value>The default value is <see cref="DefaultApiRequestsPerMinute"/>.</value>
    [Range(1, 100_000_000)]
    public int ApiRequestsPerMinute { get; set; } = DefaultApiRequestsPerMinute;

    /// <summary>Gets or sets the largest page size; larger requested sizes are clamped to it.</summary>
    /// <value>The default value is <see cref="DefaultMaxPageSize"/>.</value>
    [Range(1, 100_000)]
    public int MaxPageSize { get; set; } = DefaultMaxPageSize;

    /// <summary>
    /// Gets or sets the longest a stop may take, in seconds (Ctrl+C, SIGTERM, a service manager's stop): the broker
    /// takes no more messages and commits what it took, and the rest of the host stops; what is not committed by then
    /// stays unacknowledged, for the devices to send again. Keep it below the service manager's grace period before it
    /// kills the process.
    /// </summary>
    /// <value>The default value is <see cref="DefaultShutdownSeconds"/>.</value>
    [Range(1, 3600)]
    public int ShutdownSeconds { get; set; } = DefaultShutdownSeconds;

    /// <summary>Gets or sets whether logs are written to the console as JSON (one object per line) instead of text.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool JsonLogs { get; set; }

    /// <summary>Gets or sets the user name of the administrator created on first run.</summary>
    /// <value>The default value is <c>admin</c>.</value>
    [Required]
    public string AdminUser { get; set; } = "admin";

    /// <summary>Gets or sets whether MQTT clients must authenticate with per-device credentials (turned off only for closed test networks).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DeviceAuthentication { get; set; } = true;

    /// <summary>Gets or sets whether the virtual plant runs in this host, publishing the plant's telemetry to the broker (section <c>VirtualPlant</c>).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Emulator { get; set; } = true;

    /// <summary>Gets or sets the Orleans silo settings.</summary>
    public OrleansHostingOptions Orleans { get; set; } = new();

    /// <summary>
    /// Gets or sets how this node runs: <see cref="ClusterMode.Embedded"/> (one process holds everything) or
    /// <see cref="ClusterMode.Postgres"/> (a silo of a cluster whose nodes share <see cref="ClusterConnectionString"/>'s
    /// database: Orleans clustering, grain state, reminders, history, users, sessions, keys, settings, audit log and the
    /// change feed); see docs/adr/0003-cluster-on-postgresql.md.
    /// </summary>
    /// <value>The default value is <see cref="ClusterMode.Embedded"/>.</value>
    [EnumDataType(typeof(ClusterMode), ErrorMessage = "Server:Cluster must be Embedded or Postgres.")]
    public ClusterMode Cluster { get; set; } = ClusterMode.Embedded;

    /// <summary>Gets or sets the Npgsql connection string of the cluster's database (required with <see cref="ClusterMode.Postgres"/>). Never logged.</summary>
    public string? ClusterConnectionString { get; set; }

    /// <summary>Gets the full path of the data folder.</summary>
    /// <returns>The path.</returns>
    public string GetDataFolder() => Path.GetFullPath(DataFolder);

    /// <summary>Gets the full path of the key ring folder.</summary>
    /// <returns>The path.</returns>
    public string GetKeyRingFolder() => Path.GetFullPath(KeyRingFolder ?? Path.Combine(DataFolder, "keys"));

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Cluster == ClusterMode.Postgres && string.IsNullOrWhiteSpace(ClusterConnectionString))
        {
            yield return new ValidationResult(
                "Server:ClusterConnectionString is required when Server:Cluster is Postgres (e.g. Host=db;Database=factorytwin;Username=factorytwin;Password=...).",
                [nameof(ClusterConnectionString)]);
        }
    }
}
