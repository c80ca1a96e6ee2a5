using System.Xml;
using System.Xml.Schema;

namespace FactoryTwin.Mes.Schemas;

/// <summary>
/// The B2MML V0700 schemas (MESA International, ISA-95 Parts 2 and 5) compiled once from the assembly's embedded copies.
/// "The Business To Manufacturing Markup Language (B2MML) is used courtesy of MESA International."
/// </summary>
public static class B2mmlSchemas
{
    /// <summary>The B2MML target namespace.</summary>
    public const string Namespace = "http://www.mesa.org/xml/B2MML";

    private static readonly Lazy<XmlSchemaSet> s_set = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the compiled schema set with <c>OperationsSchedule</c> and <c>OperationsPerformance</c> (and their verbs).</summary>
    /// <remarks>The set is compiled and must not be changed; share it between readers.</remarks>
    public static XmlSchemaSet Set => s_set.Value;

    /// <summary>Gets the text of the schemas' licence.</summary>
    /// <returns>The licence text.</returns>
    public static string LicenseText()
    {
        using var stream = EmbeddedSchemaResolver.Open("LICENSE");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static XmlSchemaSet Compile()
    {
        // The includes and imports are resolved over the embedded copies: .NET follows xsd:include only with a resolver.
        var resolver = new EmbeddedSchemaResolver();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = resolver };
        foreach (var name in (ReadOnlySpan<string>)["B2MML-OperationsSchedule.xsd", "B2MML-OperationsPerformance.xsd"])
        {
            using var reader = XmlReader.Create(EmbeddedSchemaResolver.Open(name), settings, EmbeddedSchemaResolver.UriOf(name).AbsoluteUri);
            set.Add(Namespace, reader);
        }

        set.Compile();
        return set;
    }
}
