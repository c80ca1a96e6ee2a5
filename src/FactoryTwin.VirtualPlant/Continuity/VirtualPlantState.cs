using System.Collections.Immutable;

namespace FactoryTwin.VirtualPlant.Continuity;

/// <summary>
/// Where a hosted virtual plant got to, kept in its state file (<see cref="VirtualPlantOptions.StateFile"/>) so that a
/// restart continues instead of replaying: the latest time it stamped and each gateway's next <c>seq</c>. A save on a
/// clean stop is exact; a periodic save of a running plant may lag what was sent after it, so a restart from one
/// (after a crash or a kill) adds a margin: <see cref="ResumeTime"/> and <see cref="NextSeqAfterRestart"/>.
/// </summary>
/// <param name="PlantTime">
/// The emulator clock's time at the save (UTC), never earlier than the stamp of a message created before it. In the
/// server this is the plant clock.
/// </param>
/// <param name="Clean">Whether the save was made after the run stopped creating messages (a clean stop), so it is exact.</param>
/// <param name="ClockSpeed">Seconds of the emulator's clock per wall-clock second (the plant clock's speed in the server).</param>
/// <param name="SaveInterval">Wall time between two periodic saves.</param>
/// <param name="Gateways">Each gateway's counter.</param>
public sealed record VirtualPlantState(DateTimeOffset PlantTime, bool Clean, double ClockSpeed, TimeSpan SaveInterval, ImmutableArray<GatewaySequence> Gateways)
{
    /// <summary>The fewest sequence numbers a gateway skips after a restart from a periodic save.</summary>
    public const long MinimumSeqMargin = 10_000;

    /// <summary>How many times its <see cref="GatewaySequence.PeakPerSave"/> a gateway skips after a restart from a periodic save.</summary>
    public const long SeqMarginFactor = 4;

    /// <summary>Save intervals a periodic save may lag the messages sent: one interval plus the write itself, doubled for safety.</summary>
    public const double LagIntervals = 2;

    /// <summary>Clock time added to the lag after a crash: at full speed the emulator stamps up to one second ahead of its clock.</summary>
    public static readonly TimeSpan LagSlack = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets how far the messages sent may have gone past <see cref="PlantTime"/> in the emulator clock's time: zero after
    /// a clean stop, else <see cref="LagIntervals"/> save intervals at <see cref="ClockSpeed"/> plus <see cref="LagSlack"/>.
    /// </summary>
    public TimeSpan Lag => Clean
        ? TimeSpan.Zero
        : TimeSpan.FromTicks((long)Math.Ceiling(ClockSpeed * LagIntervals * SaveInterval.Ticks)) + LagSlack;

    /// <summary>Gets the earliest time a restart may stamp without repeating plant time already sent: <see cref="PlantTime"/> + <see cref="Lag"/>.</summary>
    public DateTimeOffset ResumeTime => PlantTime + Lag;

    /// <summary>
    /// Gets the first <c>seq</c> of <paramref name="gateway"/> after a restart: exactly its saved next number after a
    /// clean stop; after a periodic save that number plus <see cref="SeqMarginFactor"/> × its
    /// <see cref="GatewaySequence.PeakPerSave"/>, at least <see cref="MinimumSeqMargin"/>, so that no number is used twice
    /// (the ingestion counts the jump as a gap). A gateway the state does not list starts at 0.
    /// </summary>
    /// <param name="gateway">The gateway id.</param>
    /// <returns>The first sequence number.</returns>
    public long NextSeqAfterRestart(string gateway)
    {
        foreach (var g in Gateways)
        {
            if (string.Equals(g.Gateway, gateway, StringComparison.Ordinal))
            {
                return Clean ? g.NextSeq : g.NextSeq + Math.Max(MinimumSeqMargin, SeqMarginFactor * g.PeakPerSave);
            }
        }

        return 0;
    }
}
