using System.Globalization;

namespace FactoryTwin.Model.Diagnostics;

/// <summary>One problem found in a source file, with where it is and what would be right.</summary>
/// <param name="Location">Where the problem is.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">The kind of problem.</param>
/// <param name="Message">What is wrong and what would be right, in one or two sentences.</param>
public sealed record Diagnostic(SourceLocation Location, DiagnosticSeverity Severity, DiagnosticCode Code, string Message)
{
    /// <summary>Gets the code in kebab case, as printed (<c>unknown-field</c>).</summary>
    public string CodeName => ToKebab(Code.ToString());

    /// <summary>Formats the diagnostic like a compiler: <c>file:line:column: error unknown-field: message</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Location}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")} {CodeName}: {Message}");

    private static string ToKebab(string name)
    {
        var chars = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    chars.Append('-');
                }

                chars.Append(char.ToLowerInvariant(c));
            }
            else
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }
}
