using System.Text;
using System.Text.RegularExpressions;

namespace FactoryTwin.Architecture.Tests;

/// <summary>
/// Finds which modules a C# or Razor file names: every <c>FactoryTwin.X</c> in a <c>using</c> directive, a namespace
/// declaration, a fully qualified name (also after <c>global::</c>) or a <c>cref</c> of a documentation comment, and
/// every root namespace of a package that a module owns (<c>MQTTnet</c> is Telemetry's: a project reaches it through
/// Telemetry, so naming it uses Telemetry).
/// Comments, string and character literals are blanked first, so that text which only mentions a module is not a use.
/// Names relative to the enclosing namespace (<c>Model.Ids.AssetId</c> inside <c>FactoryTwin.Server</c>) are not
/// seen; the <c>using</c> directive a file needs for the same module almost always is.
/// </summary>
internal static partial class SourceScanner
{
    public static IEnumerable<NamespaceUse> Uses(string path, string text, IReadOnlySet<string> modules)
    {
        var code = CodeOf(text);
        foreach (Match match in QualifiedName().Matches(code))
        {
            var module = "FactoryTwin." + match.Groups["module"].Value;
            if (modules.Contains(module))
            {
                yield return new NamespaceUse(module, module, path, LineOf(code, match.Index));
            }
        }

        foreach (var (root, owner) in ModuleRules.PackageNamespaces)
        {
            foreach (Match match in Regex.Matches(code, @"(?<![\w.])" + Regex.Escape(root) + @"\b"))
            {
                yield return new NamespaceUse(owner, root, path, LineOf(code, match.Index));
            }
        }
    }

    /// <summary>Returns each identifier of the code (comments and literals left out) once, at its first line.</summary>
    public static IEnumerable<SourceIdentifier> Identifiers(string path, string text)
    {
        var code = CodeOf(text);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Identifier().Matches(code))
        {
            if (seen.Add(match.Value))
            {
                yield return new SourceIdentifier(match.Value, path, LineOf(code, match.Index));
            }
        }
    }

    /// <summary>Splits an identifier into its words: <c>_colourCumulative</c> → colour, cumulative; <c>OEEValue</c> → OEE, value.</summary>
    public static IEnumerable<string> Words(string identifier) => Word().Matches(identifier).Select(m => m.Value);

    /// <summary>Returns <paramref name="text"/> with comments and literals replaced by spaces (line breaks kept) and doc-comment crefs kept.</summary>
    public static string CodeOf(string text)
    {
        var code = new StringBuilder(text);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            char next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                int end = text.IndexOf('\n', i);
                end = end < 0 ? text.Length : end;
                Blank(code, i, end);
                if (i + 2 < text.Length && text[i + 2] == '/')
                {
                    foreach (Match cref in Cref().Matches(text[i..end]))
                    {
                        var value = cref.Groups["name"];
                        for (int k = 0; k < value.Length; k++)
                        {
                            code[i + value.Index + k] = text[i + value.Index + k];
                        }
                    }
                }

                i = end;
            }
            else if (c == '/' && next == '*')
            {
                int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                Blank(code, i, end);
                i = end;
            }
            else if (c == '"' && next == '"' && i + 2 < text.Length && text[i + 2] == '"')
            {
                int quotes = 0;
                while (i + quotes < text.Length && text[i + quotes] == '"')
                {
                    quotes++;
                }

                int end = text.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + quotes;
                Blank(code, i, end);
                i = end;
            }
            else if (c == '"')
            {
                bool verbatim = (i > 0 && text[i - 1] == '@') || (i > 1 && text[i - 1] == '$' && text[i - 2] == '@');
                int end = verbatim ? VerbatimEnd(text, i + 1) : RegularEnd(text, i + 1);
                Blank(code, i, end);
                i = end;
            }
            else if (c == '\'' && CharEnd(text, i + 1) is int charEnd and > 0)
            {
                Blank(code, i, charEnd);
                i = charEnd;
            }
            else
            {
                i++;
            }
        }

        return code.ToString();
    }

    private static int RegularEnd(string text, int i)
    {
        while (i < text.Length && text[i] != '"' && text[i] != '\n')
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        return Math.Min(i + 1, text.Length);
    }

    private static int VerbatimEnd(string text, int i)
    {
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return text.Length;
    }

    /// <summary>The end of a character literal starting before <paramref name="i"/>, or -1 when the quote starts none (an apostrophe in Razor markup).</summary>
    private static int CharEnd(string text, int i)
    {
        for (int k = i; k < Math.Min(text.Length, i + 10); k++)
        {
            if (text[k] == '\n')
            {
                return -1;
            }

            if (text[k] == '\\')
            {
                k++;
                continue;
            }

            if (text[k] == '\'')
            {
                return k + 1;
            }
        }

        return -1;
    }

    private static void Blank(StringBuilder code, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (code[k] is not '\n' and not '\r')
            {
                code[k] = ' ';
            }
        }
    }

    private static int LineOf(string code, int index)
    {
        int line = 1;
        for (int k = 0; k < index; k++)
        {
            if (code[k] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    [GeneratedRegex(@"(?<![\w.])FactoryTwin\.(?<module>[A-Za-z_]\w*)")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"(?<![\w@])@?[A-Za-z_]\w*")]
    private static partial Regex Identifier();

    [GeneratedRegex("[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")]
    private static partial Regex Word();

    [GeneratedRegex("cref=\"(?<name>[^\"]*)\"")]
    private static partial Regex Cref();
}
