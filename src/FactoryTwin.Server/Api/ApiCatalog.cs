using System.Globalization;
using System.Text;
using FactoryTwin.Server.Security;

namespace FactoryTwin.Server.Api;

/// <summary>
/// Every REST endpoint of <c>/api/v1</c> with the least role it needs: the one table from which the endpoints are mapped,
/// docs/api.md is generated and the role tests are derived.
/// </summary>
public static class ApiCatalog
{
    /// <summary>The route prefix of the API.</summary>
    public const string Prefix = "/api/v1";

#pragma warning disable CS1591 // The rows are described by their Summary.
    public static readonly ApiEndpoint Me = new("GET", "/me", Role.Viewer, "The caller: user name, role and visible lines.", "/me");
    public static readonly ApiEndpoint Plant = new("GET", "/plant", Role.Viewer, "The plant model: site, areas, lines and their elements, sensors, gateways.", "/plant");
    public static readonly ApiEndpoint Assets = new("GET", "/assets", Role.Viewer, "The flow elements (paginated; filter by `line`, `kind`).", "/assets?page=1&pageSize=10");
    public static readonly ApiEndpoint Asset = new("GET", "/assets/{id}", Role.Viewer, "One flow element with its sensors.", "/assets/no-such-asset");
    public static readonly ApiEndpoint States = new("GET", "/state", Role.Viewer, "Live state of every visible asset: the latest value of each series (filter by `line`).", "/state");
    public static readonly ApiEndpoint AssetState = new("GET", "/assets/{id}/state", Role.Viewer, "Live state of one asset.", "/assets/no-such-asset/state");
    public static readonly ApiEndpoint History = new("GET", "/history", Role.Viewer, "Raw points of one series in [`from`, `to`) (paginated).", "/history?series=no-such-asset/state");
    public static readonly ApiEndpoint HistoryBuckets = new("GET", "/history/buckets", Role.Viewer, "One series downsampled into buckets of `bucketSeconds` (min, max, avg, last, count).", "/history/buckets?series=no-such-asset/state&bucketSeconds=60");
    public static readonly ApiEndpoint Kpis = new("GET", "/kpis", Role.Viewer, "Line KPIs of the live twin: throughput, OEE, WIP.", "/kpis");
    public static readonly ApiEndpoint Alarms = new("GET", "/alarms", Role.Viewer, "Active alarms (ISA-18.2 states; paginated).", "/alarms");
    public static readonly ApiEndpoint AlarmAcknowledge = new("POST", "/alarms/{asset}/{alarm}/acknowledge", Role.Operator, "Acknowledges an alarm.", "/alarms/no-such-asset/no-such-alarm/acknowledge", """{"comment":"seen"}""");
    public static readonly ApiEndpoint AlarmShelve = new("POST", "/alarms/{asset}/{alarm}/shelve", Role.Operator, "Shelves an alarm for `minutes` (1–1440).", "/alarms/no-such-asset/no-such-alarm/shelve", """{"minutes":30,"comment":"maintenance"}""");
    public static readonly ApiEndpoint Forecast = new("GET", "/forecast", Role.Viewer, "The latest shift forecast: expected output per line with its band and the probability of meeting target.", "/forecast");
    public static readonly ApiEndpoint ForecastRun = new("POST", "/forecast", Role.Engineer, "Runs the shift forecast now from the live state.", "/forecast");
    public static readonly ApiEndpoint OvenBodies = new("GET", "/ovens/{id}/bodies", Role.Viewer, "The bodies now in an oven.", "/ovens/no-such-oven/bodies");
    public static readonly ApiEndpoint OvenBody = new("GET", "/ovens/{id}/bodies/{body}", Role.Viewer, "One body in an oven with its cure prediction.", "/ovens/no-such-oven/bodies/no-such-body");
    public static readonly ApiEndpoint Ingestion = new("GET", "/ingestion", Role.Viewer, "Ingestion counters: messages received, points committed, rejections by reason, broker refusals.", "/ingestion");
    public static readonly ApiEndpoint Users = new("GET", "/users", Role.Admin, "The users and their roles.", "/users");
    public static readonly ApiEndpoint UserCreate = new("POST", "/users", Role.Admin, "Creates a user (`name`, `role`, `password` of at least 12 characters, optional `lines`).", "/users", """{"name":"","role":"viewer","password":""}""");
    public static readonly ApiEndpoint UserDelete = new("DELETE", "/users/{name}", Role.Admin, "Deletes a user and its tokens.", "/users/no-such-user");
    public static readonly ApiEndpoint Tokens = new("GET", "/tokens", Role.Admin, "The API tokens (never their secrets).", "/tokens");
    public static readonly ApiEndpoint TokenCreate = new("POST", "/tokens", Role.Admin, "Issues an API token for a user (`user`, `name`, `role`, optional `expiresInDays`); the token is shown once.", "/tokens", """{"user":"no-such-user","name":"mes","role":"viewer"}""");
    public static readonly ApiEndpoint TokenDelete = new("DELETE", "/tokens/{id}", Role.Admin, "Revokes an API token.", "/tokens/no-such-token");
    public static readonly ApiEndpoint Devices = new("GET", "/devices", Role.Admin, "The MQTT devices with credentials and their lines.", "/devices");
    public static readonly ApiEndpoint DeviceCreate = new("POST", "/devices", Role.Admin, "Issues or replaces a device's MQTT password (`id` = a gateway id; its lines come from the plant); the password is shown once.", "/devices", """{"id":"no-such-gateway"}""");
    public static readonly ApiEndpoint DeviceDelete = new("DELETE", "/devices/{id}", Role.Admin, "Deletes a device's credentials.", "/devices/no-such-device");
    public static readonly ApiEndpoint PasswordChange = new("POST", "/users/me/password", Role.Viewer, "Changes the caller's own password (`currentPassword`, `newPassword` of 12–256 characters); ends the caller's other sessions.", "/users/me/password", """{"currentPassword":"","newPassword":""}""");
    public static readonly ApiEndpoint PasswordReset = new("PUT", "/users/{name}/password", Role.Admin, "Sets another user's password (`password` of 12–256 characters); ends that user's sessions.", "/users/no-such-user/password", """{"password":""}""");
    public static readonly ApiEndpoint Settings = new("GET", "/settings", Role.Viewer, "The run-time settings: shift target per line, forecast refresh interval and replications.", "/settings");
    public static readonly ApiEndpoint SettingsUpdate = new("PUT", "/settings", Role.Engineer, "Replaces the run-time settings (`lineTargets`, `forecastIntervalSeconds` 10–86400, `forecastReplications` 1–100000; an omitted field takes its default); applied from the next forecast.", "/settings", """{"forecastReplications":0}""");
    public static readonly ApiEndpoint MesScheduleImport = new("POST", "/mes/schedule", Role.Engineer, "Imports a B2MML V0700 `OperationsSchedule` (XML body) as the active schedule: checked against the schema, then the plant; refused as a whole with every problem (line:position) otherwise.", "/mes/schedule");
    public static readonly ApiEndpoint MesSchedule = new("GET", "/mes/schedule", Role.Viewer, "The active schedule with plan versus actual of each order (released, completed, scrapped, in progress, status), counted from the historian, and each open order's expected completion with its 90 % interval: from the order forecast (Monte Carlo from the live plant releasing by the schedule, with the probability of meeting the due time; `completionSource` `simulation`) or, until it is made, from the recent output rate (`recent-rate`).", "/mes/schedule");
    public static readonly ApiEndpoint MesPerformance = new("GET", "/mes/performance", Role.Viewer, "A B2MML V0700 `OperationsPerformance` (XML) of a `shift`: produced and scrapped bodies per order and line, each body's cure verdict, downtime by station and reason.", "/mes/performance?shift=current");
    public static readonly ApiEndpoint MesScheduleSequence = new("POST", "/mes/schedule/sequence", Role.Engineer, "Re-sequences the active schedule through the paint shop with CP-SAT: its orders expanded into bodies in schedule order (the first-come-first-served baseline), each due time turned into a due position with the paint line's takt (optional `taktSeconds`; default the line's shift length / shift target); optional `rules`, `timeLimitSeconds`, `workers` as for `/mes/sequence`. 404 when no schedule is active, 409 when the stored one no longer fits the plant. The active schedule and the release order are unchanged (docs/sequencing.md).", "/mes/schedule/sequence", """{"timeLimitSeconds":1}""");
    public static readonly ApiEndpoint MesSequence = new("POST", "/mes/sequence", Role.Engineer, "Sequences bodies (or orders expanded into bodies) through the paint shop with CP-SAT: colour changes, batch limit, option ratios p/q, dues, each hard or soft; the sequence with its violations against first come, first served, status and gap (docs/sequencing.md).", "/mes/sequence", """{"bodies":[{"id":"b1","colour":"RED"}],"timeLimitSeconds":1}""");
    public static readonly ApiEndpoint WhatIfRun = new("POST", "/whatif", Role.Engineer, "Runs what-if scenarios (`scenarios`: 1–10 YAML texts, kind WhatIf; optional `replications` 2–2000, `seed`, `warmUpSeconds`, `durationSeconds`, `baseline`) against the plant with common random numbers; each KPI's paired difference with its 95 % interval. `baseline`: `plant` (default: the empty plant, warm-up, then the statistics window) or `live` (every replication starts from the live twin's state now — bodies, work done, stations down — and runs to the end of the shift, as the forecast does; `fromLive` is then true in the answer). The replications run in chunks spread over every silo of the cluster; the answer for a seed is the same bit for bit on one node or many, and equals `factorytwin whatif` on the same files.", "/whatif", """{"scenarios":[]}""");
    public static readonly ApiEndpoint WhatIfs = new("GET", "/whatif", Role.Viewer, "The latest what-if runs of this host, newest first (at most 20).", "/whatif");
    public static readonly ApiEndpoint WhatIf = new("GET", "/whatif/{id}", Role.Viewer, "One what-if run.", "/whatif/no-such-run");
    public static readonly ApiEndpoint BufferOptimization = new("POST", "/optimize/buffers", Role.Engineer, "Searches the allocation of a line's buffer places (`budget` to maximise throughput, or `targetJph` to minimise places; optional `line`, `buffers` and search settings) by simulation with common random numbers.", "/optimize/buffers", """{"line":"no-such-line","budget":4}""");
    public static readonly ApiEndpoint BufferOptimizations = new("GET", "/optimize/buffers", Role.Viewer, "The latest buffer allocation searches of this host, newest first (at most 20).", "/optimize/buffers");
    public static readonly ApiEndpoint FitRun = new("POST", "/fit", Role.Engineer, "Fits each station's time between failures, repair time and processing time (all variants and per variant) from this server's historian in [`from`, `to`) (optional RFC 3339 date-times; default the 30 days before now on the plant clock; a `to` after now is taken as now; at most 400 days) to exponential, lognormal, Weibull and gamma by maximum likelihood with right censoring: each with 95 % intervals, its K–S distance against the 5 % critical value and the AIC choice, beside the plant file's current distributions (`plantValues`), and the unified diff of the plant file that applies the fits (`report.diff`). The report is that of `factorytwin fit --output json`. The plant file is not written: `factorytwin fit --write` applies the diff with the server stopped.", "/fit", """{"from":"2026-01-02T00:00:00Z","to":"2026-01-01T00:00:00Z"}""");
    public static readonly ApiEndpoint Fits = new("GET", "/fit", Role.Viewer, "The latest fits of this host, newest first (at most 20), each as a summary: id, time, user, plant, range, stations and changes.", "/fit");
    public static readonly ApiEndpoint Fit = new("GET", "/fit/{id}", Role.Viewer, "One fit with its report and diff.", "/fit/no-such-run");
    public static readonly ApiEndpoint Audit = new("GET", "/audit", Role.Admin, "The audit log, newest first (paginated).", "/audit");
#pragma warning restore CS1591

    /// <summary>Gets every endpoint, in documentation order.</summary>
    public static IReadOnlyList<ApiEndpoint> All { get; } =
    [
        Me, Plant, Assets, Asset, States, AssetState, History, HistoryBuckets, Kpis, Alarms, AlarmAcknowledge, AlarmShelve,
        Forecast, ForecastRun, Settings, SettingsUpdate, OvenBodies, OvenBody, Ingestion, PasswordChange, Users, UserCreate,
        UserDelete, PasswordReset, Tokens, TokenCreate, TokenDelete, Devices, DeviceCreate, DeviceDelete, Audit,
        MesScheduleImport, MesSchedule, MesScheduleSequence, MesPerformance, MesSequence,
        WhatIfRun, WhatIfs, WhatIf, BufferOptimization, BufferOptimizations, FitRun, Fits, Fit,
    ];

    /// <summary>The earliest time <c>from</c> and <c>to</c> take (the Unix epoch; no historian holds anything older).</summary>
    public static readonly DateTimeOffset EarliestTime = DateTimeOffset.UnixEpoch;

    /// <summary>The widest bucket of <c>bucketSeconds</c>, in seconds (365 days).</summary>
    public const double MaxBucketSeconds = 365 * 86_400;

    /// <summary>The narrowest bucket of <c>bucketSeconds</c>, in seconds (10 ticks of 100 ns).</summary>
    public const double MinBucketSeconds = 0.000001;

    /// <summary>Gets every query parameter of the API with the values it takes, in documentation order.</summary>
    public static IReadOnlyList<ApiParameter> QueryParameters { get; } =
    [
        new("page", "an integer from 1 to 2147483647", "The page of a paginated list; default 1. A page past the end is empty."),
        new("pageSize", "an integer from 1 to 2147483647", "Items per page; default 50. Above `Server:MaxPageSize` (500) it is clamped to that."),
        new("series", "{asset}/{channel} of a visible asset", "The series of a history query, e.g. `ecoat-oven/ecoat-oven-z1-air`; required."),
        new("from", "an RFC 3339 date-time with offset from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z", "Start of the range (inclusive); default `to` − 1 h."),
        new("to", "an RFC 3339 date-time with offset from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z, not before from", "End of the range (exclusive); default now (plant clock)."),
        new("bucketSeconds", "a number of seconds from 0.000001 to 31536000 (365 days)", "Bucket width; required. The range may hold at most 100000 buckets."),
        new("line", "a line id of the plant", "Only this line."),
        new("kind", "an asset kind", "Only this kind: `source`, `station`, `oven`, `buffer`, `conveyor`, `sink`."),
        new("shift", "current, previous or yyyy-MM-dd/{shift id} of the release line's calendar", "The shift of a performance export, in the site's local date; default `current` (up to now)."),
    ];

    /// <summary>Gets a query parameter by name (case-insensitive, as query strings are read).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The parameter, or <see langword="null"/>.</returns>
    public static ApiParameter? Parameter(string name) =>
        QueryParameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Words the 400 answer to a value a query parameter does not take.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The value given (shown shortened).</param>
    /// <returns>The detail, which starts with the parameter's name.</returns>
    public static string MustBe(string name, string? value)
    {
        var parameter = Parameter(name);
        var shown = value is null ? "" : value.Length > 64 ? value[..64] + "…" : value;
        return $"{parameter?.Name ?? name} must be {parameter?.Accepts ?? "a valid value"}, not '{shown}'.";
    }

    /// <summary>Renders the query parameters as Markdown, as docs/api.md shows them.</summary>
    /// <returns>The table.</returns>
    public static string ParametersToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| parameter | takes | meaning |\n|---|---|---|\n");
        foreach (var p in QueryParameters)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{p.Name}` | {p.Accepts} | {p.Meaning} |\n");
        }

        return text.ToString();
    }

    /// <summary>Renders the table as Markdown, as docs/api.md shows it.</summary>
    /// <returns>The table.</returns>
    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| method | path | least role | what |\n|---|---|---|---|\n");
        foreach (var e in All)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {e.Method} | `{Prefix}{e.Route}` | {Roles.Name(e.LeastRole)} | {e.Summary} |\n");
        }

        return text.ToString();
    }
}
