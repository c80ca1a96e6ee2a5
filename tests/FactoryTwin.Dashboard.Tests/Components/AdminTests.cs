using FactoryTwin.Server.Components.Dashboard.Pages;
using FactoryTwin.Server.Security;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Dashboard.Tests.Components;

public sealed class AdminTests
{
    private sealed class FakeAdmin : IDashboardAdmin
    {
        public List<UserItem> UserList { get; } = [new("root", "admin", [], FakeDashboardData.Now), new("vera", "viewer", ["paint"], FakeDashboardData.Now)];

        public List<DeviceItem> DeviceList { get; } = [new("gw-body", ["body"], FakeDashboardData.Now)];

        public List<string> Log { get; } = [];

        public IReadOnlyList<UserItem> Users() => UserList;

        public IReadOnlyList<DeviceItem> Devices() => DeviceList;

        public string? AddUser(string actor, string name, Role role, string password)
        {
            if (password.Length < 12)
            {
                return "The password must have at least 12 characters.";
            }

            Log.Add($"{actor} added {name} as {Roles.Name(role)}");
            UserList.Add(new UserItem(name, Roles.Name(role), [], FakeDashboardData.Now));
            return null;
        }

        public bool DeleteUser(string actor, string name) => UserList.RemoveAll(u => u.Name == name) > 0;

        public string IssueDevice(string actor, string id, IReadOnlyList<string> lines)
        {
            Log.Add($"{actor} issued {id} for {string.Join(',', lines)}");
            DeviceList.Add(new DeviceItem(id, lines, FakeDashboardData.Now));
            return "s3cret-once";
        }

        public bool DeleteDevice(string actor, string id) => DeviceList.RemoveAll(d => d.Id == id) > 0;
    }

    [Fact]
    public void Admin_ListsUsersRolesAndDevices()
    {
        using var ctx = new DashboardContext("admin", "root");
        var admin = new FakeAdmin();
        ctx.Services.AddSingleton<IDashboardAdmin>(admin);
        var cut = ctx.Render<Admin>();

        Assert.Contains("viewer", cut.Find("tr[data-user='vera']").TextContent, StringComparison.Ordinal);
        Assert.Contains("paint", cut.Find("tr[data-user='vera']").TextContent, StringComparison.Ordinal);
        Assert.Contains("body", cut.Find("tr[data-device='gw-body']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.Find("tr[data-user='root']").QuerySelectorAll("button"));
    }

    [Fact]
    public void Admin_AddUserAndIssueDevice_CallTheStoreAsTheAdmin()
    {
        using var ctx = new DashboardContext("admin", "root");
        var admin = new FakeAdmin();
        ctx.Services.AddSingleton<IDashboardAdmin>(admin);
        var cut = ctx.Render<Admin>();

        cut.Find("#new-user-name").Change("otto");
        cut.Find("#new-user-role").Change(nameof(Role.Operator));
        cut.Find("#new-user-password").Change("short");
        cut.FindAll("#add-user button")[0].Click();
        Assert.Contains("at least 12 characters", cut.Find("#admin-message").TextContent, StringComparison.Ordinal);

        cut.Find("#new-user-password").Change("long-enough-pw");
        cut.FindAll("#add-user button")[0].Click();
        Assert.Contains("root added otto as operator", admin.Log);
        Assert.NotNull(cut.Find("tr[data-user='otto']"));

        cut.Find("#new-device-id").Change("gw-paint");
        cut.FindAll("#add-device button")[0].Click();
        Assert.Contains("root issued gw-paint for paint", admin.Log);
        Assert.Contains("s3cret-once", cut.Find("#device-password").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("operator")]
    [InlineData("engineer")]
    public void Admin_BelowAdmin_IsRefusedAndSeesNoUsers(string role)
    {
        using var ctx = new DashboardContext(role);
        ctx.Services.AddSingleton<IDashboardAdmin>(new FakeAdmin());
        var cut = ctx.Render<Admin>();

        Assert.NotNull(cut.Find("#admin-denied"));
        Assert.Empty(cut.FindAll("#admin-users"));
    }
}
