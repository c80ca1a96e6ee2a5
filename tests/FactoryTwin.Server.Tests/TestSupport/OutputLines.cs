using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FactoryTwin.Server.Tests.TestSupport;

/// <summary>Collects the process's output lines and lets a test wait for one that matches.</summary>
internal sealed class OutputLines
{
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutputLines(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data is null ? null : "stderr: " + e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public async Task<Match> WaitForAsync(Regex pattern, TimeSpan limit)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Xunit.TestContext.Current.CancellationToken);
        cts.CancelAfter(limit);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                foreach (var line in _lines)
                {
                    var match = pattern.Match(line);
                    if (match.Success)
                    {
                        return match;
                    }
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException) when (!Xunit.TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"No line matching '{pattern}' within {limit}. Output:\n{Text}");
            }
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _lines.Add(line);
            var done = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            done.TrySetResult();
        }
    }
}
