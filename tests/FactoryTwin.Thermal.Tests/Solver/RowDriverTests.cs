using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Tests.Solver;

public sealed class RowDriverTests
{
    [Fact]
    public void Run_Parallel_VisitsEveryRowOnce()
    {
        var counts = new int[1000];
        for (var repeat = 0; repeat < 50; repeat++)
        {
            RowDriver.Run(new CountKernel(counts), counts.Length, parallel: true);
        }

        Assert.All(counts, c => Assert.Equal(50, c));
    }

    [Fact]
    public void RunSum_Parallel_IsDeterministicAndMatchesSerial()
    {
        var values = new double[777];
        var rnd = new Random(3);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = rnd.NextDouble() * 1e3;
        }

        var partials = new double[RowPartition.ChunkCount(values.Length)];
        var first = RowDriver.RunSum(new SumKernel(values), values.Length, parallel: true, partials);
        for (var repeat = 0; repeat < 50; repeat++)
        {
            Assert.Equal(first, RowDriver.RunSum(new SumKernel(values), values.Length, parallel: true, partials));
        }

        Assert.Equal(values.Sum(), first, 1e-9 * first);
    }

    [Fact]
    public void Run_ConcurrentCallers_AllComplete()
    {
        // callers that find the pool busy fall back to Parallel.For; every call must still visit every row once
        var counts = new int[4][];
        Parallel.For(0, 4, t =>
        {
            counts[t] = new int[500];
            for (var repeat = 0; repeat < 200; repeat++)
            {
                RowDriver.Run(new CountKernel(counts[t]), 500, parallel: true);
            }
        });

        Assert.All(counts, a => Assert.All(a, c => Assert.Equal(200, c)));
    }

    [Fact]
    public void Run_KernelThrows_ExceptionReachesCallerAndPoolStaysUsable()
    {
        Assert.ThrowsAny<Exception>(() => RowDriver.Run(new ThrowKernel(), 100, parallel: true));
        var counts = new int[100];
        RowDriver.Run(new CountKernel(counts), counts.Length, parallel: true);
        Assert.All(counts, c => Assert.Equal(1, c));
    }

    private readonly struct CountKernel(int[] counts) : IRowKernel
    {
        public void Rows(int start, int end)
        {
            for (var r = start; r < end; r++)
            {
                Interlocked.Increment(ref counts[r]);
            }
        }
    }

    private readonly struct SumKernel(double[] values) : IReducingRowKernel
    {
        public double Rows(int start, int end)
        {
            var s = 0.0;
            for (var r = start; r < end; r++)
            {
                s += values[r];
            }

            return s;
        }
    }

    private readonly struct ThrowKernel : IRowKernel
    {
        public void Rows(int start, int end)
        {
            if (end > 50)
            {
                throw new InvalidOperationException("kernel failure");
            }
        }
    }
}
