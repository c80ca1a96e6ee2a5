using System.Security.Claims;
using Bunit;
using FactoryTwin.Server.Components.Dashboard.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace FactoryTwin.Dashboard.Tests.TestSupport;

/// <summary>A bunit context with MudBlazor, a fake clock, fake dashboard data and a signed-in user of a role.</summary>
internal sealed class DashboardContext : BunitContext
{
    public DashboardContext(string role = "viewer", string user = "alice")
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IDashboardData>(Data);
        Services.AddSingleton<TimeProvider>(Clock);
        var auth = AddAuthorization();
        auth.SetAuthorized(user);
        auth.SetClaims(new Claim(ClaimTypes.Role, role));
    }

    public FakeDashboardData Data { get; } = new();

    public FakeTimeProvider Clock { get; } = new(FakeDashboardData.Now);
}
