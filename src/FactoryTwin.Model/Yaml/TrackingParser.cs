using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FactoryTwin.Model.Yaml;

/// <summary>
/// Wraps YamlDotNet's parser and remembers where the last well-formed event ended, because for some malformed input
/// the scanner throws an exception that carries no position.
/// </summary>
internal sealed class TrackingParser(TextReader reader) : IParser
{
    private readonly Parser _inner = new(reader);

    public Mark LastGoodEnd { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        if (_inner.Current is { } current)
        {
            LastGoodEnd = current.End;
        }

        return _inner.MoveNext();
    }
}
