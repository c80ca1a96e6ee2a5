using FactoryTwin.Server.Security;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The admin page's operations over the server's security store, each recorded in the audit log.</summary>
internal sealed class SecurityStoreAdmin : IDashboardAdmin
{
    private readonly ISecurityStore _store;
    private readonly AuditLog _audit;

    public SecurityStoreAdmin(ISecurityStore store, AuditLog audit)
    {
        _store = store;
        _audit = audit;
    }

    public IReadOnlyList<UserItem> Users() =>
        [.. _store.Users.OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => new UserItem(u.Name, Roles.Name(u.Role), u.Lines ?? [], u.Created))];

    public IReadOnlyList<DeviceItem> Devices() =>
        [.. _store.Devices.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => new DeviceItem(d.Id, d.Lines, d.Created))];

    public string? AddUser(string actor, string name, Role role, string password)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "The user name is empty.";
        }

        if (string.IsNullOrEmpty(password) || password.Length < 12)
        {
            return "The password must have at least 12 characters.";
        }

        if (!_store.TryAddUser(name.Trim(), role, password, null, out _))
        {
            return $"A user named '{name.Trim()}' already exists.";
        }

        _audit.Record("user-added", actor, name.Trim());
        return null;
    }

    public bool DeleteUser(string actor, string name)
    {
        var deleted = _store.DeleteUser(name);
        if (deleted)
        {
            _audit.Record("user-deleted", actor, name);
        }

        return deleted;
    }

    public string IssueDevice(string actor, string id, IReadOnlyList<string> lines)
    {
        var (_, password) = _store.IssueDevice(id, lines);
        _audit.Record("device-issued", actor, id);
        return password;
    }

    public bool DeleteDevice(string actor, string id)
    {
        var deleted = _store.DeleteDevice(id);
        if (deleted)
        {
            _audit.Record("device-deleted", actor, id);
        }

        return deleted;
    }
}
