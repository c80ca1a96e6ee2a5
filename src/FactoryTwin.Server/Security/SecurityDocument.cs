namespace FactoryTwin.Server.Security;

/// <summary>The persisted content of the security store.</summary>
internal sealed class SecurityDocument
{
    public List<UserRecord> Users { get; set; } = [];

    public List<TokenRecord> Tokens { get; set; } = [];

    public List<DeviceRecord> Devices { get; set; } = [];

    public List<SessionRecord> Sessions { get; set; } = [];
}
