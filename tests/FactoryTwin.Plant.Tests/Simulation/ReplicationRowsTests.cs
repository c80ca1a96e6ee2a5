using System.Collections.Immutable;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Plant.Tests.Simulation;

public sealed class ReplicationRowsTests
{
    private static ReplicationRows Rows(int first, int count, int width = 2) =>
        new(first, count, width, [.. Enumerable.Range(first * width, count * width).Select(v => v + 0.5)]);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 3)]
    [InlineData(10, 10)]
    [InlineData(10, 64)]
    [InlineData(1000, 7)]
    public void Chunks_CoverEveryReplicationOnceInOrder(int replications, int chunkSize)
    {
        var chunks = ReplicationRows.Chunks(replications, chunkSize);

        Assert.Equal((replications + chunkSize - 1) / chunkSize, chunks.Length);
        Assert.Equal(Enumerable.Range(0, replications), chunks.SelectMany(c => Enumerable.Range(c.First, c.Count)));
        Assert.All(chunks, c => Assert.InRange(c.Count, 1, chunkSize));
    }

    [Fact]
    public void Concat_ChunksInAnyOrder_EqualTheRowsOfTheWholeRange()
    {
        var whole = Rows(0, 10);

        var joined = ReplicationRows.Concat([Rows(7, 3), Rows(0, 4), Rows(4, 3)]);

        Assert.Equal(0, joined.First);
        Assert.Equal(10, joined.Count);
        Assert.Equal(whole.Values, joined.Values);
        Assert.Equal([14.5, 15.5], joined.Row(7).ToArray());
    }

    [Fact]
    public void Concat_Gap_NamesTheChunks()
    {
        var error = Assert.Throws<ArgumentException>(() => ReplicationRows.Concat([Rows(0, 4), Rows(5, 2)]));
        Assert.Contains("0..3 and 5..6 leave a gap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concat_Overlap_NamesTheChunks()
    {
        var error = Assert.Throws<ArgumentException>(() => ReplicationRows.Concat([Rows(0, 4), Rows(3, 2)]));
        Assert.Contains("0..3 and 3..4 overlap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concat_DifferentWidths_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ReplicationRows.Concat([Rows(0, 4), Rows(4, 2, width: 3)]));
        Assert.Contains("has 3 numbers per replication, not 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concat_Nothing_Throws() =>
        Assert.Throws<ArgumentException>(() => ReplicationRows.Concat([]));

    [Fact]
    public void Create_ValuesOfTheWrongLength_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReplicationRows(0, 3, 2, ImmutableArray.Create(1.0, 2.0)));
        Assert.Contains("3 replications of 2 numbers need 6 values, not 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_OutsideTheRange_Throws()
    {
        var rows = Rows(4, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => rows.Row(3).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => rows.Row(6).ToArray());
    }
}
