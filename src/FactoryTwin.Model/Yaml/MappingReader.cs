using System.Globalization;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Units;
using YamlDotNet.RepresentationModel;

namespace FactoryTwin.Model.Yaml;

/// <summary>
/// Reads the fields of one YAML mapping with diagnostics: every field the caller asks for becomes a known field, and
/// <see cref="Finish"/> reports the rest as unknown, with a "did you mean" among the known ones. Reusable for every
/// FactoryTwin input file (plant files, thermal case files).
/// </summary>
public sealed class MappingReader
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>Creates a reader over <paramref name="node"/>.</summary>
    /// <param name="node">The mapping.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <param name="diagnostics">Receives problems.</param>
    /// <param name="context">What the mapping describes, for messages (<c>station 'framing'</c>).</param>
    public MappingReader(YamlMappingNode node, string file, DiagnosticBag diagnostics, string context)
    {
        ArgumentNullException.ThrowIfNull(node);
        Node = node;
        File = file;
        Diagnostics = diagnostics;
        Context = context;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode scalarKey && scalarKey.Value is not null)
            {
                _fields[scalarKey.Value] = (scalarKey, value);
            }
            else
            {
                diagnostics.Error(YamlSource.LocationOf(file, key), DiagnosticCode.InvalidValue, $"{context}: a field name must be a plain word, not a list or mapping.");
            }
        }
    }

    /// <summary>Gets the mapping.</summary>
    public YamlMappingNode Node { get; }

    /// <summary>Gets the file name used in diagnostics.</summary>
    public string File { get; }

    /// <summary>Gets the diagnostics.</summary>
    public DiagnosticBag Diagnostics { get; }

    /// <summary>Gets or sets what the mapping describes, for messages.</summary>
    public string Context { get; set; }

    /// <summary>Gets where the mapping starts.</summary>
    public SourceLocation Location => YamlSource.LocationOf(File, Node);

    /// <summary>Gets whether the mapping has the field (and marks it known).</summary>
    /// <param name="key">The field name.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Has(string key)
    {
        _known.Add(key);
        return _fields.ContainsKey(key);
    }

    /// <summary>Gets the location of a field's name, or of the mapping when it is absent.</summary>
    /// <param name="key">The field name.</param>
    /// <returns>The location.</returns>
    public SourceLocation KeyLocation(string key) =>
        _fields.TryGetValue(key, out var f) ? YamlSource.LocationOf(File, f.Key) : Location;

    /// <summary>Gets a field's value node (and marks the field known).</summary>
    /// <param name="key">The field name.</param>
    /// <param name="required">Whether a missing field is an error.</param>
    /// <param name="hint">What to write, for the missing-field message (<c>e.g. 'capacity: 5'</c>).</param>
    /// <returns>The node, or <see langword="null"/> when absent.</returns>
    public YamlNode? Value(string key, bool required = false, string? hint = null)
    {
        _known.Add(key);
        if (_fields.TryGetValue(key, out var f))
        {
            if (f.Value is YamlScalarNode { Value: null or "" } empty && empty.Style == YamlDotNet.Core.ScalarStyle.Plain && required)
            {
                Diagnostics.Error(YamlSource.LocationOf(File, f.Key), DiagnosticCode.MissingField, $"{Context}: field '{key}' has no value.{(hint is null ? string.Empty : " Write " + hint + ".")}");
                return null;
            }

            return f.Value;
        }

        if (required)
        {
            Diagnostics.Error(Location, DiagnosticCode.MissingField, $"{Context} is missing required field '{key}'.{(hint is null ? string.Empty : " Add " + hint + ".")}");
        }

        return null;
    }

    /// <summary>Reads a scalar field as text.</summary>
    /// <param name="key">The field name.</param>
    /// <param name="required">Whether a missing field is an error.</param>
    /// <param name="hint">What to write when it is missing.</param>
    /// <returns>The text and its location, or <see langword="null"/>.</returns>
    public Located<string>? Scalar(string key, bool required = false, string? hint = null)
    {
        var node = Value(key, required, hint);
        return node is null ? null : AsScalar(node, key);
    }

    /// <summary>Reads a non-empty text field (a name, a description).</summary>
    /// <param name="key">The field name.</param>
    /// <param name="required">Whether a missing field is an error.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? Text(string key, bool required = false)
    {
        var node = Value(key, required);
        if (node is null)
        {
            return null;
        }

        if (IsNull(node))
        {
            Diagnostics.Error(YamlSource.LocationOf(File, node), DiagnosticCode.InvalidValue, $"{Context}: '{key}' has no text; write it or remove the field.");
            return null;
        }

        var s = AsScalar(node, key);
        if (s is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(s.Value.Value))
        {
            Diagnostics.Error(s.Value.Location, DiagnosticCode.InvalidValue, $"{Context}: '{key}' must not be empty.");
            return null;
        }

        return s.Value.Value;
    }

    /// <summary>Reads an identifier: letters, digits, '-' and '_', starting with a letter or digit.</summary>
    /// <param name="key">The field name.</param>
    /// <param name="required">Whether a missing field is an error.</param>
    /// <returns>The id and its location, or <see langword="null"/>.</returns>
    public Located<string>? Id(string key, bool required = true)
    {
        var s = Scalar(key, required, $"'{key}: some-id'");
        return s is null ? null : CheckId(s.Value, key);
    }

    /// <summary>Checks that a scalar is a valid identifier.</summary>
    /// <param name="value">The scalar.</param>
    /// <param name="key">The field it belongs to, for messages.</param>
    /// <returns>The id, or <see langword="null"/> with an error reported.</returns>
    public Located<string>? CheckId(Located<string> value, string key)
    {
        if (!IsValidId(value.Value))
        {
            Diagnostics.Error(value.Location, DiagnosticCode.InvalidValue, $"{Context}: '{value.Value}' is not a valid {key}: use letters, digits, '-' and '_', starting with a letter or digit (it becomes part of MQTT topics and URLs).");
            return null;
        }

        return value;
    }

    /// <summary>Reads a quantity with a unit and checks its range.</summary>
    /// <param name="key">The field name.</param>
    /// <param name="kind">What it measures.</param>
    /// <param name="required">Whether a missing field is an error.</param>
    /// <param name="range">The allowed range.</param>
    /// <returns>The SI value, or <see langword="null"/>.</returns>
    public double? Quantity(string key, QuantityKind kind, bool required = false, ValueRange range = ValueRange.Any)
    {
        var node = Value(key, required, $"'{key}: {kind.Example}'");
        return node is null ? null : ParseQuantity(node, key, kind, range);
    }

    /// <summary>Parses a node as a quantity with a unit and checks its range.</summary>
    /// <param name="node">The node.</param>
    /// <param name="key">The field name, for messages.</param>
    /// <param name="kind">What it measures.</param>
    /// <param name="range">The allowed range.</param>
    /// <returns>The SI value, or <see langword="null"/>.</returns>
    public double? ParseQuantity(YamlNode node, string key, QuantityKind kind, ValueRange range = ValueRange.Any)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var s = AsScalar(node, key);
        if (s is null)
        {
            return null;
        }

        if (!UnitParser.TryParse(s.Value.Value, kind, out var value, out var error, out var code))
        {
            Diagnostics.Error(s.Value.Location, code, $"{Context}: {key} {error}");
            return null;
        }

        return CheckRange(value, s.Value, key, range) ? value : null;
    }

    /// <summary>Reads a whole number.</summary>
    /// <param name="key">The field name.</param>
    /// <param name="required">Whether a missing field is an error.</param>
    /// <param name="range">The allowed range.</param>
    /// <returns>The number, or <see langword="null"/>.</returns>
    public int? WholeNumber(string key, bool required = false, ValueRange range = ValueRange.Any)
    {
        var s = Scalar(key, required, $"'{key}: 1'");
        if (s is null)
        {
            return null;
        }

        if (!int.TryParse(s.Value.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            Diagnostics.Error(s.Value.Location, DiagnosticCode.InvalidValue, $"{Context}: {key} must be a whole number, not '{s.Value.Value}'.");
            return null;
        }

        return CheckRange(n, s.Value, key, range) ? n : null;
    }

    /// <summary>Reads a probability in [0, 1] (a plain number or a percentage such as <c>8 %</c>).</summary>
    /// <param name="key">The field name.</param>
    /// <param name="required">Whether a missing field is an error.</param>
    /// <returns>The probability, or <see langword="null"/>.</returns>
    public double? Probability(string key, bool required = false)
    {
        var node = Value(key, required, $"'{key}: 0.05'");
        return node is null ? null : ParseProbability(node, key);
    }

    /// <summary>Parses a node as a probability in [0, 1].</summary>
    /// <param name="node">The node.</param>
    /// <param name="key">The field name, for messages.</param>
    /// <returns>The probability, or <see langword="null"/>.</returns>
    public double? ParseProbability(YamlNode node, string key)
    {
        var s = AsScalar(node, key);
        if (s is null)
        {
            return null;
        }

        if (!UnitParser.TryParse(s.Value.Value, QuantityKind.Number, out var p, out var error, out var code))
        {
            Diagnostics.Error(s.Value.Location, code, $"{Context}: {key} {error}");
            return null;
        }

        if (p is < 0 or > 1)
        {
            Diagnostics.Error(s.Value.Location, DiagnosticCode.InvalidProbability, $"{Context}: {key} is {s.Value.Value}, but a probability must lie between 0 and 1 (or 0 % and 100 %).");
            return null;
        }

        return p;
    }

    /// <summary>Reads an enumeration value written in kebab case (<c>robot-cell</c>).</summary>
    /// <typeparam name="T">The enumeration.</typeparam>
    /// <param name="key">The field name.</param>
    /// <param name="required">Whether a missing field is an error.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public T? Enum<T>(string key, bool required = false)
        where T : struct, System.Enum
    {
        var s = Scalar(key, required, $"'{key}: {KebabNames<T>()[0]}'");
        return s is null ? null : ParseEnum<T>(s.Value, key);
    }

    /// <summary>Parses a scalar as an enumeration value written in kebab case.</summary>
    /// <typeparam name="T">The enumeration.</typeparam>
    /// <param name="s">The scalar.</param>
    /// <param name="key">The field name, for messages.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public T? ParseEnum<T>(Located<string> s, string key)
        where T : struct, System.Enum
    {
        var names = KebabNames<T>();
        var values = System.Enum.GetValues<T>();
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], s.Value, StringComparison.Ordinal))
            {
                return values[i];
            }
        }

        Diagnostics.Error(s.Location, DiagnosticCode.InvalidValue, $"{Context}: '{s.Value}' is not a valid {key}; use one of {string.Join(", ", names)}.{Suggestions.DidYouMean(s.Value, names)}");
        return null;
    }

    /// <summary>Reads a nested mapping.</summary>
    /// <param name="key">The field name.</param>
    /// <param name="context">What the nested mapping describes.</param>
    /// <param name="required">Whether a missing field is an error.</param>
    /// <returns>A reader over it, or <see langword="null"/>.</returns>
    public MappingReader? Mapping(string key, string context, bool required = false)
    {
        var node = Value(key, required);
        return node is null ? null : AsMapping(node, key, context);
    }

    /// <summary>Reads a list of mappings.</summary>
    /// <param name="key">The field name.</param>
    /// <param name="context">Describes item i (given its id, or index when it has none).</param>
    /// <param name="required">Whether a missing field is an error.</param>
    /// <returns>Readers over the items that are mappings.</returns>
    public IReadOnlyList<MappingReader> MappingList(string key, Func<int, string> context, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var node = Value(key, required);
        var result = new List<MappingReader>();
        if (node is not null && IsNull(node) && required)
        {
            Diagnostics.Error(YamlSource.LocationOf(File, node), DiagnosticCode.MissingField, $"{Context}: '{key}' is empty; it needs at least one entry.");
        }

        if (node is null || IsNull(node))
        {
            return result;
        }

        if (node is not YamlSequenceNode seq)
        {
            Diagnostics.Error(YamlSource.LocationOf(File, node), DiagnosticCode.InvalidValue, $"{Context}: '{key}' must be a list ('- ...' items).");
            return result;
        }

        for (var i = 0; i < seq.Children.Count; i++)
        {
            var r = AsMapping(seq.Children[i], key, context(i));
            if (r is not null)
            {
                result.Add(r);
            }
        }

        return result;
    }

    /// <summary>Reads a list of scalars; a single scalar counts as a list of one.</summary>
    /// <param name="key">The field name.</param>
    /// <param name="required">Whether a missing field is an error.</param>
    /// <returns>The scalars with their locations.</returns>
    public IReadOnlyList<Located<string>> ScalarList(string key, bool required = false)
    {
        var node = Value(key, required);
        var result = new List<Located<string>>();
        if (node is not null && required && (IsNull(node) || node is YamlSequenceNode { Children.Count: 0 }))
        {
            Diagnostics.Error(YamlSource.LocationOf(File, node), DiagnosticCode.MissingField, $"{Context}: '{key}' is empty; it needs at least one value.");
            return result;
        }

        if (node is null || IsNull(node))
        {
            return result;
        }

        if (node is YamlScalarNode)
        {
            var s = AsScalar(node, key);
            if (s is not null)
            {
                result.Add(s.Value);
            }

            return result;
        }

        if (node is not YamlSequenceNode seq)
        {
            Diagnostics.Error(YamlSource.LocationOf(File, node), DiagnosticCode.InvalidValue, $"{Context}: '{key}' must be a list of values ('[a, b]').");
            return result;
        }

        foreach (var child in seq.Children)
        {
            var s = AsScalar(child, key);
            if (s is not null)
            {
                result.Add(s.Value);
            }
        }

        return result;
    }

    /// <summary>Reports every field that was present but never asked for, with a suggestion.</summary>
    public void Finish()
    {
        foreach (var (name, (key, _)) in _fields)
        {
            if (!_known.Contains(name))
            {
                Diagnostics.Error(YamlSource.LocationOf(File, key), DiagnosticCode.UnknownField,
                    $"{Context} has no field '{name}'.{Suggestions.DidYouMean(name, _known)} Known fields: {string.Join(", ", _known.Order(StringComparer.Ordinal))}.");
            }
        }
    }

    /// <summary>Casts a node to a scalar, reporting an error when it is a list or mapping.</summary>
    /// <param name="node">The node.</param>
    /// <param name="key">The field name, for messages.</param>
    /// <returns>The scalar text and location, or <see langword="null"/>.</returns>
    public Located<string>? AsScalar(YamlNode node, string key)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node is YamlScalarNode scalar)
        {
            return new Located<string>(scalar.Value ?? string.Empty, YamlSource.LocationOf(File, node));
        }

        Diagnostics.Error(YamlSource.LocationOf(File, node), DiagnosticCode.InvalidValue, $"{Context}: '{key}' must be a single value, not a {(node is YamlSequenceNode ? "list" : "mapping")}.");
        return null;
    }

    /// <summary>Casts a node to a mapping reader, reporting an error when it is not a mapping.</summary>
    /// <param name="node">The node.</param>
    /// <param name="key">The field name, for messages.</param>
    /// <param name="context">What the mapping describes.</param>
    /// <returns>The reader, or <see langword="null"/>.</returns>
    public MappingReader? AsMapping(YamlNode node, string key, string context)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node is YamlMappingNode mapping)
        {
            return new MappingReader(mapping, File, Diagnostics, context);
        }

        Diagnostics.Error(YamlSource.LocationOf(File, node), DiagnosticCode.InvalidValue, $"{Context}: each entry of '{key}' must be a mapping of fields ('id: …').");
        return null;
    }

    /// <summary>Gets whether a text is a valid identifier.</summary>
    /// <param name="id">The text.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length == 0 || id.Length > 64 || !char.IsAsciiLetterOrDigit(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Gets the kebab-case names of an enumeration's values, in declaration order.</summary>
    /// <typeparam name="T">The enumeration.</typeparam>
    /// <returns>The names.</returns>
    public static string[] KebabNames<T>()
        where T : struct, System.Enum
    {
        var names = System.Enum.GetNames<T>();
        var result = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            result[i] = ToKebab(names[i]);
        }

        return result;
    }

    /// <summary>Converts PascalCase to kebab-case (<c>RobotCell</c> → <c>robot-cell</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The kebab-case name.</returns>
    public static string ToKebab(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain };

    private bool CheckRange(double value, Located<string> s, string key, ValueRange range)
    {
        var (ok, what) = range switch
        {
            ValueRange.Positive => (value > 0, "greater than 0"),
            ValueRange.NonNegative => (value >= 0, "0 or more"),
            ValueRange.AtLeastOne => (value >= 1, "at least 1"),
            ValueRange.UnitInterval => (value is >= 0 and <= 1, "between 0 and 1"),
            ValueRange.PositiveUnitInterval => (value is > 0 and <= 1, "greater than 0 and at most 1"),
            _ => (true, string.Empty),
        };
        if (!ok)
        {
            Diagnostics.Error(s.Location, DiagnosticCode.OutOfRange, $"{Context}: {key} is {s.Value}, but it must be {what}.");
        }

        return ok;
    }
}
