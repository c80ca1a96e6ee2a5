using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace FactoryTwin.Mes.Schemas;

/// <summary>Validates a document against the B2MML V0700 schemas.</summary>
public static class B2mmlValidator
{
    /// <summary>Validates a document as it would be written, so that problems carry line:position.</summary>
    /// <param name="document">The document.</param>
    /// <returns>Each schema error or warning as <c>line:position: message</c>; empty when the document is valid.</returns>
    public static IReadOnlyList<string> Validate(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationType = ValidationType.Schema,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            Schemas = B2mmlSchemas.Set,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add(string.Create(
            CultureInfo.InvariantCulture, $"{e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}"));
        using var reader = XmlReader.Create(new StringReader(document.ToString(SaveOptions.None)), settings);
        while (reader.Read())
        {
        }

        if (document.Root is { } root && root.Name.NamespaceName != B2mmlSchemas.Namespace)
        {
            problems.Insert(0, $"1:1: The root element '{root.Name.LocalName}' is not in the B2MML namespace '{B2mmlSchemas.Namespace}'.");
        }

        return problems;
    }
}
