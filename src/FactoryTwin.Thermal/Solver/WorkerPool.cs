using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace FactoryTwin.Thermal.Solver;

/// <summary>
/// A small process-wide fork/join pool for the row kernels: <c>ProcessorCount − 1</c> background threads plus the calling
/// thread claim chunks of one job dynamically (so a worker that the OS does not schedule in time costs nothing: the
/// caller takes its chunks). Unlike <see cref="Parallel.For(int, int, Action{int})"/> it allocates nothing per job: the
/// job object is one cached instance per kernel type (<see cref="RowJob{TKernel}"/>, <see cref="SumJob{TKernel}"/>), which is safe because one job runs
/// at a time. A second thread that wants the pool while it is busy (two solvers stepping concurrently, or a nested call)
/// gets <see langword="false"/> from <see cref="TryEnter"/> and falls back to <c>Parallel.For</c>.
/// </summary>
/// <remarks>
/// Hand-off protocol (all counters change through <see cref="Interlocked"/>, i.e. full fences): the caller publishes the
/// job, then opens a new generation; a worker first registers in <c>s_active</c>, then re-checks that the generation it
/// woke for is still open, and only then claims chunks. The caller, once every chunk is claimed, closes the generation
/// and waits for <c>s_active</c> to drain, so no worker can still be inside the job when the next one is published.
/// </remarks>
internal static class WorkerPool
{
    private const long ClosedBit = 1;
    private const int SpinsBeforeBlocking = 64;
    private static readonly Worker[] s_workers = CreateWorkers();
    private static int s_busy;
    private static long s_state = ClosedBit; // generation << 1 | closed
    private static int s_active;
    private static int s_next;
    private static int s_chunks;
    private static PoolJob? s_job;
    private static ExceptionDispatchInfo? s_error;

    /// <summary>Whether there is any worker thread (none on a single-core machine: callers then run serially).</summary>
    public static bool HasWorkers => s_workers.Length > 0;

    /// <summary>
    /// Takes the pool for the calling thread; <see langword="false"/> when it is busy (another thread, or a nested call)
    /// or has no workers. After <see langword="true"/>, call <see cref="Run"/> any number of times, then <see cref="Exit"/>.
    /// </summary>
    public static bool TryEnter() => s_workers.Length > 0 && Interlocked.CompareExchange(ref s_busy, 1, 0) == 0;

    /// <summary>Gives the pool back (after <see cref="TryEnter"/> returned <see langword="true"/>).</summary>
    public static void Exit() => Volatile.Write(ref s_busy, 0);

    /// <summary>Runs <paramref name="job"/>'s chunks 0 … <paramref name="chunks"/> − 1 on the pool and the calling thread (which must hold the pool).</summary>
    public static void Run(PoolJob job, int chunks)
    {
        Debug.Assert(Volatile.Read(ref s_busy) == 1, "the caller must hold the pool");
        s_job = job;
        s_chunks = chunks;
        s_error = null;
        Volatile.Write(ref s_next, 0);
        var open = (Volatile.Read(ref s_state) | ClosedBit) + 1; // next generation, open
        Interlocked.Exchange(ref s_state, open);
        foreach (var w in s_workers)
        {
            w.Signal();
        }

        try
        {
            Work(job, chunks);
        }
        finally
        {
            // every chunk is claimed; close the generation and wait for workers still inside it
            Interlocked.Exchange(ref s_state, open | ClosedBit);
            var spin = default(SpinWait);
            while (Volatile.Read(ref s_active) != 0)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }

            s_job = null;
        }

        s_error?.Throw();
    }

    private static void Work(PoolJob job, int chunks)
    {
        int c;
        while ((c = Interlocked.Increment(ref s_next) - 1) < chunks)
        {
            job.RunChunk(c);
        }
    }

    private static Worker[] CreateWorkers()
    {
        var n = Math.Max(0, Environment.ProcessorCount - 1);
        var workers = new Worker[n];
        for (var i = 0; i < n; i++)
        {
            workers[i] = new Worker(i);
        }

        return workers;
    }

    private static void WorkerLoop(Worker self)
    {
        var seen = 0L;
        var spin = default(SpinWait);
        while (true)
        {
            var s = Volatile.Read(ref s_state);
            if ((s & ClosedBit) != 0 || s == seen)
            {
                // the next job of a solve usually follows within microseconds: spin (yielding) a little before blocking
                if (spin.Count < SpinsBeforeBlocking)
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                }
                else
                {
                    self.Wait();
                    spin.Reset();
                }

                continue;
            }

            spin.Reset();
            seen = s;
            Interlocked.Increment(ref s_active);
            try
            {
                // re-check after registering: the caller may have closed (or even moved past) this generation
                if (Volatile.Read(ref s_state) == s)
                {
                    Work(s_job!, s_chunks);
                }
            }
#pragma warning disable CA1031 // a kernel exception must reach the caller, not kill the process
            catch (Exception e)
#pragma warning restore CA1031
            {
                // keep the first one; claiming the remaining chunks is left to the caller
                Interlocked.CompareExchange(ref s_error, ExceptionDispatchInfo.Capture(e), null);
            }
            finally
            {
                Interlocked.Decrement(ref s_active);
            }
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Workers live as long as the process (background threads); the semaphore is never released early.")]
    private sealed class Worker
    {
        private readonly SemaphoreSlim _wake = new(0);
        private int _pending;

        public Worker(int index)
        {
            var thread = new Thread(() => WorkerLoop(this))
            {
                IsBackground = true,
                Name = $"FactoryTwin.Thermal worker {index}",
            };
            thread.Start();
        }

        /// <summary>Wakes the worker unless a wake-up is already pending (so permits never pile up).</summary>
        public void Signal()
        {
            if (Interlocked.Exchange(ref _pending, 1) == 0)
            {
                _wake.Release();
            }
        }

        public void Wait()
        {
            _wake.Wait();
            Volatile.Write(ref _pending, 0);
        }
    }
}
