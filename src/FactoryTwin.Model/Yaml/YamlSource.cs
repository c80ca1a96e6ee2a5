using FactoryTwin.Model.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FactoryTwin.Model.Yaml;

/// <summary>Parses YAML text into a node tree, turning syntax errors into diagnostics with their line and column.</summary>
public static class YamlSource
{
    /// <summary>Parses a single-document YAML text.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <param name="diagnostics">Receives a syntax error, if any.</param>
    /// <returns>The root mapping, or <see langword="null"/> when the text is not a YAML mapping.</returns>
    public static YamlMappingNode? ParseMapping(string text, string file, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        var parser = new TrackingParser(reader);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is not null && ex.Message.StartsWith("Exception during", StringComparison.Ordinal)
                ? ex.InnerException.Message
                : ex.Message;
            diagnostics.Error(new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column), DiagnosticCode.YamlSyntax, "YAML syntax error: " + Clean(message));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner gives up without a position on some malformed input (an unclosed '{' or '['), and
            // its parser throws ArgumentException for some others (found by fuzzing, fuzz/regressions/plant: "The
            // current event is of an unsupported type", "Global tags must be valid URIs"): report where the last
            // well-formed part ended.
            var at = parser.LastGoodEnd;
            diagnostics.Error(
                new SourceLocation(file, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column)),
                DiagnosticCode.YamlSyntax,
                "YAML syntax error after this point: the text is malformed here (an unclosed '{', '[' or quote?).");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Error(new SourceLocation(file, 1, 1), DiagnosticCode.InvalidValue, "the file is empty: it must be a YAML mapping that starts with 'apiVersion: factorytwin/v1'.");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            diagnostics.Error(LocationOf(file, second), DiagnosticCode.YamlSyntax, "the file holds more than one YAML document ('---'); put one plant in one file.");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Error(LocationOf(file, stream.Documents[0].RootNode), DiagnosticCode.InvalidValue, "the file must be a YAML mapping of fields ('apiVersion: factorytwin/v1', …), not a list or a single value.");
            return null;
        }

        return root;
    }

    /// <summary>Reads a whole input file, turning an I/O failure into a diagnostic instead of an exception.</summary>
    /// <param name="path">The file path; the diagnostic names it as given.</param>
    /// <param name="what">What the file is, for the message (<c>plant file</c>).</param>
    /// <param name="diagnostics">Receives the failure, if any.</param>
    /// <returns>The text, or <see langword="null"/> when the file cannot be read.</returns>
    public static string? ReadFile(string path, string what, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            diagnostics.Error(new SourceLocation(path, 1, 1), DiagnosticCode.FileError, $"cannot read the {what}: {ex.Message}");
            return null;
        }
    }

    /// <summary>Gets the location where a node starts.</summary>
    /// <param name="file">The file name.</param>
    /// <param name="node">The node.</param>
    /// <returns>The location.</returns>
    public static SourceLocation LocationOf(string file, YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new SourceLocation(file, (int)node.Start.Line, (int)node.Start.Column);
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 5, Col: 4, Idx: 66) - (Line: …): "; the location is reported separately.
        var idx = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && idx > 0 ? message[(idx + 3)..] : message;
    }
}
