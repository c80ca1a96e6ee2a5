using System.Buffers;
using FactoryTwin.Server.Live;
using FactoryTwin.Server.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Api;

/// <summary>Handlers of the administration endpoints: users, API tokens, MQTT devices, audit log, ingestion counters.</summary>
internal static class AdminEndpoints
{
    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@");

    public static Ok<IngestionDto> Ingestion(IngestionCounters counters) => TypedResults.Ok(new IngestionDto(counters.Snapshot()));

    public static Ok<IReadOnlyList<UserDto>> Users(ISecurityStore store)
    {
        IReadOnlyList<UserDto> users = [.. store.Users.Select(ToDto)];
        return TypedResults.Ok(users);
    }

    public static Results<Created<UserDto>, ProblemHttpResult> CreateUser(
        ISecurityStore store, PlantView plant, AuditLog audit, HttpContext context, CreateUserRequest request)
    {
        if (!IsName(request.Name))
        {
            return Problems.BadRequest("name must be 1–64 letters, digits or . _ - @.");
        }

        if (!Roles.TryParse(request.Role, out var role))
        {
            return Problems.BadRequest($"role must be viewer, operator, engineer or admin, not '{request.Role}'.");
        }

        if (PasswordRules.Check("password", request.Password, request.Name!) is { } wrong)
        {
            return Problems.BadRequest(wrong);
        }

        if (request.Lines?.FirstOrDefault(l => !plant.Dto.Areas.Any(a => a.Lines.Any(x => string.Equals(x.Id, l, StringComparison.Ordinal)))) is { } unknown)
        {
            return Problems.BadRequest($"lines names '{unknown}', which is not a line of the plant.");
        }

        if (!store.TryAddUser(request.Name!, role, request.Password!, request.Lines, out var user))
        {
            return Problems.Conflict($"The user '{request.Name}' exists already.");
        }

        audit.Record("user-created", context.User.Identity?.Name, user.Name + " (" + Roles.Name(role) + ")", context);
        return TypedResults.Created(ApiCatalog.Prefix + "/users/" + Uri.EscapeDataString(user.Name), ToDto(user));
    }

    public static Results<NoContent, ProblemHttpResult> DeleteUser(ISecurityStore store, AuditLog audit, HttpContext context, string name)
    {
        var user = store.FindUser(name);
        if (user is null)
        {
            return Problems.NotFound($"There is no user '{name}'.");
        }

        if (user.Role == Role.Admin && store.Users.Count(u => u.Role == Role.Admin) == 1)
        {
            return Problems.Conflict("The last administrator cannot be deleted.");
        }

        store.DeleteUser(name);
        audit.Record("user-deleted", context.User.Identity?.Name, user.Name, context);
        return TypedResults.NoContent();
    }

    public static Ok<IReadOnlyList<TokenDto>> Tokens(ISecurityStore store)
    {
        IReadOnlyList<TokenDto> tokens = [.. store.Tokens.Select(ToDto)];
        return TypedResults.Ok(tokens);
    }

    public static Results<Created<IssuedTokenDto>, ProblemHttpResult> CreateToken(
        ISecurityStore store, TimeProvider time, AuditLog audit, HttpContext context, CreateTokenRequest request)
    {
        var (outcome, issued) = AccountOperations.IssueToken(
            store, time, audit, context, context.User.Identity?.Name ?? "?", request.User, request.Name, request.Role, request.ExpiresInDays);
        return issued is null
            ? PasswordEndpoints.Problem(outcome)
            : TypedResults.Created(ApiCatalog.Prefix + "/tokens/" + issued.Record.Id, new IssuedTokenDto(ToDto(issued.Record), issued.Secret));
    }

    public static Results<NoContent, ProblemHttpResult> DeleteToken(ISecurityStore store, AuditLog audit, HttpContext context, string id)
    {
        var outcome = AccountOperations.RevokeToken(store, audit, context, context.User.Identity?.Name ?? "?", id);
        return outcome.Succeeded ? TypedResults.NoContent() : PasswordEndpoints.Problem(outcome);
    }

    public static Ok<IReadOnlyList<DeviceDto>> Devices(ISecurityStore store)
    {
        IReadOnlyList<DeviceDto> devices = [.. store.Devices.Select(ToDto)];
        return TypedResults.Ok(devices);
    }

    public static Results<Created<IssuedDeviceDto>, ProblemHttpResult> CreateDevice(
        ISecurityStore store, PlantView plant, AuditLog audit, HttpContext context, CreateDeviceRequest request)
    {
        var gateway = plant.Dto.Gateways.FirstOrDefault(g => string.Equals(g.Id, request.Id, StringComparison.Ordinal));
        if (gateway is null)
        {
            return Problems.BadRequest($"id '{request.Id}' is not a gateway of the plant file.");
        }

        var (record, password) = store.IssueDevice(gateway.Id, gateway.Lines);
        audit.Record("device-issued", context.User.Identity?.Name, record.Id, context);
        return TypedResults.Created(ApiCatalog.Prefix + "/devices/" + record.Id, new IssuedDeviceDto(ToDto(record), record.Id, password));
    }

    public static Results<NoContent, ProblemHttpResult> DeleteDevice(ISecurityStore store, AuditLog audit, HttpContext context, string id)
    {
        if (!store.DeleteDevice(id))
        {
            return Problems.NotFound($"There are no credentials for device '{id}'.");
        }

        audit.Record("device-deleted", context.User.Identity?.Name, id, context);
        return TypedResults.NoContent();
    }

    public static Results<Ok<Page<AuditEvent>>, ProblemHttpResult> Audit(AuditLog audit, IOptions<ServerOptions> options, int? page, int? pageSize)
    {
        var result = Paging.Cut(audit.Recent(), page, pageSize, options.Value.MaxPageSize, out var problem);
        return result is null ? problem! : TypedResults.Ok(result);
    }

    private static bool IsName(string? name) => name is { Length: > 0 and <= 64 } && !name.AsSpan().ContainsAnyExcept(NameChars);

    private static UserDto ToDto(UserRecord u) => new(u.Name, Roles.Name(u.Role), u.Lines, u.Created);

    private static TokenDto ToDto(TokenRecord t) => new(t.Id, t.Name, t.User, Roles.Name(t.Role), t.Created, t.Expires);

    private static DeviceDto ToDto(DeviceRecord d) => new(d.Id, d.Lines, d.Created);
}
