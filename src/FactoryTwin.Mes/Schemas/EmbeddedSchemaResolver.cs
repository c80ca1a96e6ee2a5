using System.Net;
using System.Xml;

namespace FactoryTwin.Mes.Schemas;

/// <summary>Resolves the schemas' relative <c>schemaLocation</c>s to the assembly's embedded copies; nothing else is reachable.</summary>
internal sealed class EmbeddedSchemaResolver : XmlResolver
{
    private const string Scheme = "b2mml";
    private const string ResourcePrefix = "FactoryTwin.Mes.Schemas.";

    public override ICredentials Credentials { set { } }

    public static Uri UriOf(string name) => new($"{Scheme}://schemas/{name}");

    public static Stream Open(string name) =>
        typeof(EmbeddedSchemaResolver).Assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new FileNotFoundException($"The B2MML schema '{name}' is not embedded in {typeof(EmbeddedSchemaResolver).Assembly.GetName().Name}.", name);

    public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
    {
        ArgumentNullException.ThrowIfNull(relativeUri);
        return baseUri is null ? UriOf(Path.GetFileName(relativeUri)) : new Uri(baseUri, relativeUri);
    }

    public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
    {
        ArgumentNullException.ThrowIfNull(absoluteUri);
        if (!string.Equals(absoluteUri.Scheme, Scheme, StringComparison.Ordinal))
        {
            // No file system or network access from a document: only the embedded schemas resolve.
            throw new XmlException($"'{absoluteUri}' cannot be resolved: only the embedded B2MML schemas are available.");
        }

        return Open(Path.GetFileName(absoluteUri.AbsolutePath));
    }
}
