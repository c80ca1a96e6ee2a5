using FactoryTwin.Server.Security;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The user and device administration behind the admin page.</summary>
public interface IDashboardAdmin
{
    /// <summary>Gets the users.</summary>
    /// <returns>The users, by name.</returns>
    IReadOnlyList<UserItem> Users();

    /// <summary>Gets the MQTT devices.</summary>
    /// <returns>The devices, by id.</returns>
    IReadOnlyList<DeviceItem> Devices();

    /// <summary>Adds a user.</summary>
    /// <param name="actor">The admin doing it.</param>
    /// <param name="name">The new user's name.</param>
    /// <param name="role">The role.</param>
    /// <param name="password">The initial password.</param>
    /// <returns><see langword="null"/> when added, otherwise why not.</returns>
    string? AddUser(string actor, string name, Role role, string password);

    /// <summary>Deletes a user.</summary>
    /// <param name="actor">The admin doing it.</param>
    /// <param name="name">The user's name.</param>
    /// <returns>Whether the user existed.</returns>
    bool DeleteUser(string actor, string name);

    /// <summary>Issues (or re-issues) a device credential.</summary>
    /// <param name="actor">The admin doing it.</param>
    /// <param name="id">The device id.</param>
    /// <param name="lines">The lines it may publish for.</param>
    /// <returns>The generated password, shown once.</returns>
    string IssueDevice(string actor, string id, IReadOnlyList<string> lines);

    /// <summary>Deletes a device credential.</summary>
    /// <param name="actor">The admin doing it.</param>
    /// <param name="id">The device id.</param>
    /// <returns>Whether the device existed.</returns>
    bool DeleteDevice(string actor, string id);
}
