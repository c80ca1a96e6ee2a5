using System.Text;

namespace FactoryTwin.Cli.Output;

/// <summary>
/// Passes everything on to <see cref="Inner"/> and remembers what a failed verb's JSON error report needs: whether
/// anything was written, the messages of <c>error: …</c> lines (and of an unhandled exception), and the last line.
/// </summary>
internal sealed class RecordingWriter(TextWriter inner) : TextWriter
{
    /// <summary>At most this many error messages are kept; a verb reports one or a few.</summary>
    private const int MaxErrors = 20;

    private const string ErrorPrefix = "error: ";
    private const string ExceptionPrefix = "Unhandled exception: ";

    private readonly Lock _gate = new();
    private readonly StringBuilder _line = new();
    private readonly List<string> _errors = [];
    private string? _lastLine;
    private bool _written;

    /// <summary>Gets the writer everything goes to.</summary>
    public TextWriter Inner { get; } = inner;

    /// <inheritdoc/>
    public override Encoding Encoding => Inner.Encoding;

    /// <inheritdoc/>
    public override IFormatProvider FormatProvider => Inner.FormatProvider;

    /// <summary>Gets a value indicating whether anything was written.</summary>
    public bool HasWritten
    {
        get
        {
            lock (_gate)
            {
                return _written;
            }
        }
    }

    /// <summary>Gets the messages of the <c>error: …</c> lines so far, without the prefix, in order.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Gets the last line that was not blank (a line not ended yet counts), or <see langword="null"/>.</summary>
    public string? LastLine
    {
        get
        {
            lock (_gate)
            {
                var pending = _line.ToString().Trim();
                return pending.Length > 0 ? pending : _lastLine;
            }
        }
    }

    /// <summary>Returns the writer behind <paramref name="writer"/> when it records, else <paramref name="writer"/> itself.</summary>
    /// <param name="writer">A verb's output writer.</param>
    /// <returns>The writer the text finally goes to.</returns>
    public static TextWriter Unwrap(TextWriter writer) => writer is RecordingWriter recording ? recording.Inner : writer;

    /// <inheritdoc/>
    public override void Write(char value)
    {
        lock (_gate)
        {
            Record(value);
        }

        Inner.Write(value);
    }

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        lock (_gate)
        {
            foreach (var c in value ?? string.Empty)
            {
                Record(c);
            }
        }

        Inner.Write(value);
    }

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate)
        {
            foreach (var c in buffer.AsSpan(index, count))
            {
                Record(c);
            }
        }

        Inner.Write(buffer, index, count);
    }

    /// <inheritdoc/>
    public override void WriteLine(string? value)
    {
        Write(value);
        WriteLine();
    }

    /// <inheritdoc/>
    public override void WriteLine() => Write(CoreNewLine, 0, CoreNewLine.Length);

    /// <inheritdoc/>
    public override Task WriteAsync(string? value)
    {
        // Synchronously, in order with Write and WriteLine, as the console's own writers do.
        Write(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override void Flush() => Inner.Flush();

    /// <inheritdoc/>
    public override Task FlushAsync() => Inner.FlushAsync();

    private void Record(char c)
    {
        _written = true;
        switch (c)
        {
            case '\n':
                EndLine();
                break;
            case '\r':
                // A status line rewritten in place (emulate on a terminal) starts over; CRLF ends at the '\n'.
                _line.Clear();
                break;
            default:
                _line.Append(c);
                break;
        }
    }

    private void EndLine()
    {
        var line = _line.ToString();
        _line.Clear();
        if (line.Trim().Length == 0)
        {
            return;
        }

        _lastLine = line.Trim();
        if (_errors.Count < MaxErrors)
        {
            if (line.StartsWith(ErrorPrefix, StringComparison.Ordinal))
            {
                _errors.Add(line[ErrorPrefix.Length..].Trim());
            }
            else if (line.StartsWith(ExceptionPrefix, StringComparison.Ordinal))
            {
                _errors.Add(line[ExceptionPrefix.Length..].Trim());
            }
        }
    }
}
