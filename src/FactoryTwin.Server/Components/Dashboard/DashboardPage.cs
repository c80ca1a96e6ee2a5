using FactoryTwin.Model.Telemetry;
using FactoryTwin.Server.Components.Dashboard.Data;
using FactoryTwin.Server.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Components.Dashboard;

/// <summary>
/// The base of the dashboard pages: the data service, the signed-in user's role, and a live refresh pushed by the twin:
/// when the twin announces a change that <see cref="Concerns"/> the page, it re-reads its data and re-renders over the
/// circuit — at most once per <see cref="DashboardOptions.RefreshInterval"/>, and not at all while nothing changes.
/// </summary>
public abstract class DashboardPage : ComponentBase, IDisposable
{
    private TimeProvider _wall = TimeProvider.System;
    private IDisposable? _watch;
    private ITimer? _deferred;
    private TimeSpan _minInterval = TimeSpan.FromSeconds(1);
    private long _lastRefresh;
    private int _loading;
    private int _scheduled;
    private bool _disposed;

    /// <summary>Gets or sets the services.</summary>
    [Inject]
    public IServiceProvider Services { get; set; } = default!;

    /// <summary>Gets or sets the authentication state of the circuit.</summary>
    [CascadingParameter]
    public Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>Gets the data service.</summary>
    protected IDashboardData Data { get; private set; } = default!;

    /// <summary>Gets the clock.</summary>
    protected TimeProvider Time { get; private set; } = TimeProvider.System;

    /// <summary>Gets the site's time zone (from the plant file); times are shown in it.</summary>
    protected TimeZoneInfo SiteZone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Gets the signed-in user's highest role, or <see langword="null"/> for none.</summary>
    protected Role? UserRole { get; private set; }

    /// <summary>Gets the signed-in user's name.</summary>
    protected string UserName { get; private set; } = string.Empty;

    /// <summary>
    /// Gets whether the page's data has been read once (or failed to be). Until then a page shows that it is loading,
    /// never empty values that look like data ("0 alarms", "no forecast", stations without state).
    /// </summary>
    protected bool Loaded { get; private set; }

    /// <summary>Gets the last load error, shown instead of stale data.</summary>
    protected string? LoadError { get; private set; }

    /// <summary>Gets whether the user holds at least a role.</summary>
    /// <param name="role">The least role.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    protected bool Allows(Role role) => UserRole is { } r && r >= role;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        Data = Services.GetService<IDashboardData>() ?? ActivatorUtilities.CreateInstance<TwinDashboardData>(Services);
        Time = Services.GetKeyedService<TimeProvider>(PlantClock.ServiceKey) ?? Services.GetService<TimeProvider>() ?? TimeProvider.System;

        // Refreshes are paced in wall time: an emulated plant at 60× must not refresh pages 60 times as often.
        _wall = Services.GetService<TimeProvider>() ?? TimeProvider.System;
        SiteZone = TimeZoneInfo.TryFindSystemTimeZoneById(Data.Plant.Site.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        if (AuthenticationState is not null)
        {
            var state = await AuthenticationState;
            UserRole = Roles.Of(state.User);
            UserName = state.User.Identity?.Name ?? string.Empty;
        }

        await LoadSafelyAsync();
        _lastRefresh = _wall.GetTimestamp();
        if (IsLive)
        {
            _minInterval = Services.GetService<IOptions<DashboardOptions>>()?.Value.RefreshInterval ?? _minInterval;
            if (MinimumRefreshInterval > _minInterval)
            {
                _minInterval = MinimumRefreshInterval;
            }
            _watch = Data.Watch(OnChangedAsync);
        }
    }

    /// <summary>Gets whether the page follows the twin's changes.</summary>
    protected virtual bool IsLive => true;

    /// <summary>
    /// Gets the shortest time between two re-reads of this page when it is longer than
    /// <see cref="DashboardOptions.RefreshInterval"/>: for a page whose read is expensive (a historian query over hours).
    /// </summary>
    /// <value>The default value is zero (the configured interval applies).</value>
    protected virtual TimeSpan MinimumRefreshInterval => TimeSpan.Zero;

    /// <summary>Gets whether a change concerns what the page shows; by default any change does.</summary>
    /// <param name="change">What changed.</param>
    /// <returns><see langword="true"/> to re-read.</returns>
    protected virtual bool Concerns(DashboardChange change) => change.Any;

    /// <summary>Reads the page's data.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task.</returns>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>Re-reads the data now and re-renders.</summary>
    /// <returns>A task.</returns>
    protected async Task RefreshAsync()
    {
        if (_disposed || Interlocked.Exchange(ref _loading, 1) == 1)
        {
            return;
        }

        try
        {
            await LoadSafelyAsync();
            if (!_disposed)
            {
                StateHasChanged();
            }
        }
        finally
        {
            Volatile.Write(ref _loading, 0);
        }
    }

    /// <summary>Formats an instant in the site's wall-clock time as HH:mm:ss.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The text.</returns>
    protected string Clock(DateTimeOffset? at) =>
        at is { } t ? Site(t).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "–";

    /// <summary>Converts an instant to the site's time zone.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The same instant with the site's offset.</returns>
    protected DateTimeOffset Site(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, SiteZone);

    /// <summary>Formats a chart's time axis value (Unix seconds) in the site's time zone.</summary>
    /// <param name="unixSeconds">Seconds since 1970 UTC.</param>
    /// <param name="withDate">Whether to show the date too (ranges longer than a day).</param>
    /// <returns>The text.</returns>
    protected string SiteClock(double unixSeconds, bool withDate = false) =>
        Site(DateTimeOffset.FromUnixTimeSeconds((long)unixSeconds)).ToString(withDate ? "MM-dd HH:mm" : "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private Task OnChangedAsync(DashboardChange change)
    {
        if (_disposed || !Concerns(change) || Interlocked.Exchange(ref _scheduled, 1) == 1)
        {
            return Task.CompletedTask;
        }

        // Coalesce: at most one re-read per interval; changes meanwhile are covered by the one scheduled.
        var wait = _minInterval - _wall.GetElapsedTime(Volatile.Read(ref _lastRefresh));
        if (wait <= TimeSpan.Zero)
        {
            return RunScheduledAsync();
        }

        _deferred?.Dispose();
        _deferred = _wall.CreateTimer(_ => _ = RunScheduledAsync(), null, wait, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    private Task RunScheduledAsync()
    {
        Volatile.Write(ref _scheduled, 0);
        Volatile.Write(ref _lastRefresh, _wall.GetTimestamp());
        return InvokeAsync(RefreshAsync);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops following the twin's changes.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        _disposed = true;
        if (disposing)
        {
            _watch?.Dispose();
            _deferred?.Dispose();
        }
    }

    private async Task LoadSafelyAsync()
    {
        try
        {
            await LoadAsync(CancellationToken.None);
            LoadError = null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A twin or historian hiccup must not kill the circuit: the page says so and retries on the next change.
            LoadError = ex.Message;
        }
        finally
        {
            Loaded = true;
        }
    }
}
