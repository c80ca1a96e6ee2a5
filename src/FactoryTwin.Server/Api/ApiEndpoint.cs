using FactoryTwin.Server.Security;

namespace FactoryTwin.Server.Api;

/// <summary>One REST endpoint: the row of <see cref="ApiCatalog"/> that maps it, documents it and tests it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Route">The route template.</param>
/// <param name="LeastRole">The least role that may call it.</param>
/// <param name="Summary">What it does.</param>
/// <param name="Example">A concrete path (with query) used by the documentation and by the role tests; ids in it name nothing, so a call changes nothing.</param>
/// <param name="ExampleBody">A JSON body for the example, or <see langword="null"/>.</param>
public sealed record ApiEndpoint(string Method, string Route, Role LeastRole, string Summary, string Example, string? ExampleBody = null);
