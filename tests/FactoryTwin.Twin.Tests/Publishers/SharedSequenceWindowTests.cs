using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Publishers;

namespace FactoryTwin.Twin.Tests.Publishers;

public sealed class SharedSequenceWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    [Fact]
    public void OneNodeInOrder_CountsEachMissingNumberOnceWhenSettled()
    {
        var window = new SharedSequenceWindow(1024, Settle);
        long[] lost = [10, 500, 501, 502];
        var seqs = Enumerable.Range(0, 1000).Select(i => (long)i).Except(lost).ToArray();

        var during = window.Observe(seqs, Times(seqs), TimeSpan.Zero);
        var settled = window.Observe([], [], Settle);

        Assert.Equal(0, during.Gaps);
        Assert.Equal(new PublisherSequenceTally(4, 0, 0), settled);
    }

    [Fact]
    public void ThreeNodesWithInterleavedDelayedBatches_CountTheTrueGapsAndRedeliveries()
    {
        // A publisher sends 0..19999; 37 numbers never reach the broker, 25 are delivered twice to different nodes.
        // The broker deals the messages out to three nodes at random; each node reports its share in batches, and the
        // batches of the three reach the shared window interleaved at random (a node up to a few hundred behind).
        var random = new Random(20261207);
        const int Count = 20_000;
        var lost = new HashSet<long>();
        while (lost.Count < 37)
        {
            lost.Add(random.NextInt64(1, Count - 1));
        }

        var nodes = new List<long>[3] { [], [], [] };
        var redelivered = 0;
        for (long seq = 0; seq < Count; seq++)
        {
            if (lost.Contains(seq))
            {
                continue;
            }

            var node = random.Next(3);
            nodes[node].Add(seq);
            if (redelivered < 25 && random.NextDouble() < 0.002)
            {
                nodes[(node + 1 + random.Next(2)) % 3].Add(seq);
                redelivered++;
            }
        }

        Assert.Equal(25, redelivered);
        var window = new SharedSequenceWindow(1 << 12, Settle);
        var next = new int[3];
        var now = TimeSpan.Zero;
        long gaps = 0;
        long again = 0;
        while (Enumerable.Range(0, 3).Any(i => next[i] < nodes[i].Count))
        {
            // Any node not more than 500 numbers ahead of the one furthest behind reports next.
            var open = Enumerable.Range(0, 3).Where(i => next[i] < nodes[i].Count).ToArray();
            var behind = open.Min(i => nodes[i][next[i]]);
            var ready = open.Where(i => nodes[i][next[i]] <= behind + 500).ToArray();
            var node = ready[random.Next(ready.Length)];
            var take = Math.Min(random.Next(1, 200), nodes[node].Count - next[node]);
            if (take <= 0)
            {
                continue;
            }

            var batch = nodes[node].GetRange(next[node], take).ToArray();
            next[node] += take;
            now += TimeSpan.FromMilliseconds(1);
            var tally = window.Observe(batch, Times(batch), now);
            gaps += tally.Gaps;
            again += tally.Redelivered;
            Assert.Equal(0, tally.Restarts);
        }

        var last = window.Observe([], [], now + Settle);
        Assert.Equal(lost.Count, gaps + last.Gaps);
        Assert.Equal(25, again + last.Redelivered);
    }

    [Fact]
    public void AHigherNumber_DoesNotMakeAGapUntilTheSettleTime_AndALateNumberAfterItIsLateNotARedelivery()
    {
        var window = new SharedSequenceWindow(1024, Settle);
        long[] first = [0, 1, 2, 3, 6];

        Assert.Equal(0, window.Observe(first, Times(first), TimeSpan.Zero).Gaps);
        Assert.Equal(default, window.Observe([4], Times([4]), TimeSpan.FromSeconds(1)));
        Assert.Equal(new PublisherSequenceTally(1, 0, 0), window.Observe([], [], TimeSpan.FromSeconds(5)));
        Assert.Equal(new PublisherSequenceTally(0, 0, 0, Late: 1), window.Observe([5], Times([5]), TimeSpan.FromSeconds(6)));
        Assert.Equal(new PublisherSequenceTally(0, 1, 0), window.Observe([5], Times([5]), TimeSpan.FromSeconds(7)));
    }

    [Fact]
    public void ANodeBackFromADeathWithWhatItsBrokerHeld_ReportedInTwoRounds_LeavesOnlyTheTrueGapsNet()
    {
        // Three nodes share 1..800; the publisher never sends 601..610. The node that died (every third number, held
        // by its broker) comes back after the settle time and reports what it held in two rounds: the first round's
        // call settles the window, so the second round's numbers were counted as gaps; they arrive late, not twice.
        var window = new SharedSequenceWindow(1 << 16, Settle);
        var all = Enumerable.Range(1, 800).Where(s => s is < 601 or > 610).Select(s => (long)s).ToArray();
        var survivors = all.Where(s => s % 3 != 0).ToArray();
        var held = all.Where(s => s % 3 == 0).ToArray();
        var tally = window.Observe(survivors, Times(survivors), TimeSpan.Zero);

        var first = held[..20];
        var rest = held[20..];
        tally = Add(tally, window.Observe(first, Times(first), TimeSpan.FromSeconds(20)));
        tally = Add(tally, window.Observe(rest, Times(rest), TimeSpan.FromSeconds(21)));
        tally = Add(tally, window.Observe([], [], TimeSpan.FromSeconds(40)));

        Assert.Equal(10 + rest.Length, tally.Gaps);
        Assert.Equal(rest.Length, tally.Late);
        Assert.Equal(10, tally.Gaps - tally.Late);
        Assert.Equal(0, tally.Redelivered);
    }

    [Fact]
    public void ALateNumber_IsFoundOnlyWhileTheWindowStillHoldsIt_FurtherBackItIsARedelivery()
    {
        var window = new SharedSequenceWindow(64, Settle);
        long[] first = [0, 1, 3];
        window.Observe(first, Times(first), TimeSpan.Zero);
        window.Observe([], [], Settle);
        var far = Enumerable.Range(4, 100).Select(s => (long)s).ToArray();
        window.Observe(far, Times(far), Settle);

        Assert.Equal(new PublisherSequenceTally(0, 1, 0), window.Observe([2], Times([2]), Settle * 2));
    }

    [Fact]
    public void ANumberTwoNodesReceived_IsARedeliveryNotANewMessage()
    {
        var window = new SharedSequenceWindow(1024, Settle);

        window.Observe([0, 1, 2], Times([0, 1, 2]), TimeSpan.Zero);
        var tally = window.Observe([1, 3], Times([1, 3]), TimeSpan.Zero);

        Assert.Equal(new PublisherSequenceTally(0, 1, 0), tally);
    }

    [Fact]
    public void APublisherThatCountsFromZeroAgainWithLaterTimestamps_IsARestartNotGapsOrRedeliveries()
    {
        var window = new SharedSequenceWindow(64, Settle);
        var before = Enumerable.Range(0, 300).Select(i => (long)i).ToArray();
        window.Observe(before, Times(before), TimeSpan.Zero);

        long[] after = [0, 1, 2];
        var tally = window.Observe(after, [.. after.Select(s => T0.AddHours(1).AddSeconds(s))], TimeSpan.FromSeconds(1));

        Assert.Equal(new PublisherSequenceTally(0, 0, 1), tally);
    }

    [Fact]
    public void AJumpFarBeyondTheWindow_CountsEverySkippedNumberAtOnce()
    {
        var window = new SharedSequenceWindow(64, Settle);
        window.Observe([0], Times([0]), TimeSpan.Zero);

        var tally = window.Observe([1_000_000], Times([1_000_000]), TimeSpan.Zero);
        var settled = window.Observe([], [], Settle);

        Assert.Equal(999_999, tally.Gaps + settled.Gaps);
        Assert.True(tally.Gaps > 0, "numbers that leave the window are decided at once");
    }

    [Fact]
    public void AWindowThatStartsMidStream_ExpectsEarlierNumbersOnlyBackToTheLowestReceived()
    {
        var window = new SharedSequenceWindow(1024, Settle);
        window.Observe([100, 101], Times([100, 101]), TimeSpan.Zero);
        window.Observe([95, 96, 97, 98, 99], Times([95, 96, 97, 98, 99]), TimeSpan.Zero);
        window.Observe([90], Times([90]), TimeSpan.Zero);

        var settled = window.Observe([], [], Settle);

        Assert.Equal(new PublisherSequenceTally(4, 0, 0), settled);
    }

    [Fact]
    public void AStragglerBelowTheStartAfterTheFirstSettle_IsARedeliveryNotAReasonForGaps()
    {
        // A window started after a failover at 401; seconds later the node that died comes back with 270 and 300,
        // which it held unacknowledged. 271..400 went to the window that died: they are not gaps here.
        var window = new SharedSequenceWindow(1024, Settle);
        var after = Enumerable.Range(401, 100).Select(i => (long)i).ToArray();
        window.Observe(after, Times(after), TimeSpan.Zero);
        window.Observe([], [], Settle);

        var straggler = window.Observe([270, 300], Times([270, 300]), Settle + TimeSpan.FromSeconds(1));
        var later = window.Observe([], [], Settle * 3);

        Assert.Equal(new PublisherSequenceTally(0, 2, 0), straggler);
        Assert.Equal(0, later.Gaps);
    }

    [Fact]
    public void BadArguments_AreRefusedNamingWhatIsWrong()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SharedSequenceWindow(100, Settle));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SharedSequenceWindow(64, TimeSpan.FromSeconds(-1)));
        var window = new SharedSequenceWindow(64, Settle);
        var e = Assert.Throws<ArgumentException>(() => window.Observe([1, 2], Times([1]), TimeSpan.Zero));
        Assert.Contains("2 sequence numbers but 1 timestamps", e.Message, StringComparison.Ordinal);
    }

    private static PublisherSequenceTally Add(PublisherSequenceTally a, PublisherSequenceTally b) =>
        new(a.Gaps + b.Gaps, a.Redelivered + b.Redelivered, a.Restarts + b.Restarts, a.Late + b.Late);

    private static DateTimeOffset[] Times(long[] seqs) => [.. seqs.Select(s => T0.AddMilliseconds(s * 10))];
}
