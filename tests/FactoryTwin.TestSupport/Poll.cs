namespace FactoryTwin.TestSupport;

/// <summary>Waits for a condition by checking it again and again (for state that raises no signal to wait on).</summary>
public static class Poll
{
    /// <summary>How long a poll waits between two checks.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Waits until <paramref name="condition"/> holds, checking it every <see cref="Interval"/>.</summary>
    /// <param name="condition">The condition; checked first at once.</param>
    /// <param name="timeout">How long to wait before giving up.</param>
    /// <param name="describe">Describes the state for the timeout message; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait (the test's token).</param>
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>.</exception>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string>? describe = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(_ => ValueTask.FromResult(condition()), timeout, describe, cancellationToken);
    }

    /// <summary>Waits until the asynchronous <paramref name="condition"/> holds, checking it every <see cref="Interval"/>.</summary>
    /// <param name="condition">The condition; checked first at once, and given a token that ends with the wait.</param>
    /// <param name="timeout">How long to wait before giving up.</param>
    /// <param name="describe">Describes the state for the timeout message; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait (the test's token).</param>
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>.</exception>
    public static async Task UntilAsync(Func<CancellationToken, ValueTask<bool>> condition, TimeSpan timeout, Func<string>? describe = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (!await condition(limit.Token))
            {
                await Task.Delay(Interval, TimeProvider.System, limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var state = describe is null ? string.Empty : ": " + describe();
            throw new TimeoutException($"condition not met within {timeout}{state}");
        }
    }
}
