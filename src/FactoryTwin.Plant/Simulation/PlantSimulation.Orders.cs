using System.Collections.Immutable;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Snapshots;

namespace FactoryTwin.Plant.Simulation;

/// <summary>Following orders through one replication: when each order's last body leaves the plant.</summary>
public sealed partial class PlantSimulation
{
    /// <summary>Simulated seconds between the checks whether every followed order is complete (the run then stops early).</summary>
    private const double OrderCheckSeconds = 3600;

    /// <summary>
    /// Runs replication <paramref name="replication"/> from <paramref name="start"/> with every source releasing by
    /// <paramref name="plan"/>, and records when each order of <paramref name="orders"/> is complete: when the last of its
    /// outstanding bodies has left the plant (entered a sink), the same "completed" the MES's plan versus actual counts.
    /// A body is the order's when the plan released it for the order, or when it was in the plant at the start with a
    /// body id <see cref="PlantOrderTracking.BodyOrders"/> gives the order. Stops once every order is complete or at the
    /// horizon. Replication i uses the random streams of (seed, i), like <see cref="Run(PlantRunOptions, PlantSnapshot?, IPlantReplicationObserver, IProgress{int}?, CancellationToken)"/>.
    /// </summary>
    /// <param name="start">The plant state to start from.</param>
    /// <param name="plan">The release plan, used by this run alone (a plan keeps its own counts).</param>
    /// <param name="orders">The orders to follow.</param>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication number.</param>
    /// <param name="horizon">Simulated seconds after the start the run ends at the latest; positive and finite.</param>
    /// <param name="completion">
    /// Receives, per order of <paramref name="orders"/>, the seconds after the start at which it was complete (0 when it
    /// was at the start), or <see cref="double.PositiveInfinity"/> when it was not by the horizon.
    /// </param>
    /// <param name="cancellationToken">Checked between simulated hours.</param>
    /// <exception cref="ArgumentException">The snapshot does not fit the plant, or <paramref name="completion"/> is shorter than the orders.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The horizon is not positive and finite.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void RunOrders(PlantSnapshot start, IBodyReleasePlan plan, PlantOrderTracking orders, ulong seed, int replication, double horizon, Span<double> completion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentOutOfRangeException.ThrowIfNegative(replication);
        if (!(horizon > 0) || !double.IsFinite(horizon))
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "The horizon must be a positive, finite number of seconds.");
        }

        int n = orders.Orders.Length;
        if (orders.Outstanding.Length != n || completion.Length < n)
        {
            throw new ArgumentException("Every order needs its outstanding bodies and a completion slot.", nameof(orders));
        }

        var bodies = new Dictionary<PartSnapshot, string>(ReferenceEqualityComparer.Instance);
        var engineStart = _mapper.ToEngineSnapshot(start, bodies);
        double t0 = engineStart.Time, end = t0 + horizon;
        var tracker = new OrderTracker(this, orders, t0);
        tracker.NumberStartParts(engineStart, bodies);

        // Built empty, given its observer and plans, and only then reset to the start, so that the plans decide the very
        // first bodies and the tracker sees every body leave (LivePlantRun does the same).
        var engine = new LineSimulation(Model, new SimulationOptions { Seed = seed, WarmUpTime = t0, EndTime = end, TrackBottlenecks = false }, replication);
        engine.Observer = tracker;
        foreach (var line in Plant.Lines())
        {
            foreach (var source in line.Sources)
            {
                engine.SetReleasePlan(ElementOf(source.Id), new TrackedPlan(this, tracker, source.Id, plan));
            }
        }

        engine.Reset(replication, engineStart);
        for (double t = t0; tracker.Open > 0 && t < end;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            t = Math.Min(t + OrderCheckSeconds, end);
            engine.RunUntil(t);
        }

        tracker.Completion.CopyTo(completion);
    }

    /// <summary>One source's engine release plan that tells the tracker the order of the body it releases.</summary>
    private sealed class TrackedPlan(PlantSimulation simulation, OrderTracker tracker, Model.Ids.AssetId source, IBodyReleasePlan plan) : IReleasePlan
    {
        public ReleaseDecision Decide(double now, Span<ushort> attributes)
        {
            var body = plan.Decide(source, now);
            switch (body.Kind)
            {
                case ReleaseDecisionKind.Release:
                    attributes[PlantPartAttributes.Variant] = (ushort)Known(PlantPartAttributes.IndexOf(simulation.Plant, body.Variant), body.Variant.Value);
                    attributes[PlantPartAttributes.Colour] = (ushort)Known(PlantPartAttributes.IndexOf(simulation.Plant, body.Colour), body.Colour.Value);
                    tracker.Pending = tracker.IndexOf(body.Order);
                    return ReleaseDecision.Release;
                case ReleaseDecisionKind.Wait:
                    return ReleaseDecision.WaitUntil(body.RetryAt);
                default:
                    return ReleaseDecision.Mix;
            }
        }

        private static int Known(int index, string id) =>
            index >= 0 ? index : throw new InvalidOperationException($"The release plan asked for '{id}', which the plant does not have.");
    }

    /// <summary>The order of each engine part (−1: none) and the bodies each order still waits for.</summary>
    private sealed class OrderTracker : ILineObserver
    {
        private readonly LineModel _model;
        private readonly bool[] _sink;
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly IReadOnlyDictionary<string, string> _bodyOrders;
        private readonly int[] _outstanding;
        private readonly double _t0;
        private readonly double[] _completion;
        private int[] _orderOf = new int[64];

        public OrderTracker(PlantSimulation simulation, PlantOrderTracking orders, double t0)
        {
            _model = simulation.Model;
            _sink = new bool[_model.ElementNames.Length];
            for (int e = 0; e < _sink.Length; e++)
            {
                _sink[e] = _model.GetKind(new ElementId(e)) == ElementKind.Sink;
            }

            _bodyOrders = orders.BodyOrders;
            _outstanding = [.. orders.Outstanding];
            _t0 = t0;
            _completion = new double[orders.Orders.Length];
            for (int i = 0; i < _outstanding.Length; i++)
            {
                _index[orders.Orders[i]] = i;
                _completion[i] = _outstanding[i] <= 0 ? 0 : double.PositiveInfinity;
                Open += _outstanding[i] > 0 ? 1 : 0;
            }

            Array.Fill(_orderOf, -1);
        }

        /// <summary>The orders not complete yet.</summary>
        public int Open { get; private set; }

        /// <summary>The order of the body the engine creates next (set by the plan just before).</summary>
        public int Pending { get; set; } = -1;

        /// <summary>Per order, the seconds after the start it was complete, or +∞.</summary>
        public ReadOnlySpan<double> Completion => _completion;

        public int IndexOf(string? order) => order is not null && _index.TryGetValue(order, out int i) ? i : -1;

        /// <summary>The start's parts get numbers 0, 1, … in the snapshot's order (<see cref="LineSimulation.Reset"/>).</summary>
        public void NumberStartParts(LineSnapshot start, Dictionary<PartSnapshot, string> bodies)
        {
            int part = 0;
            void Number(PartSnapshot p)
            {
                Set(part++, bodies.TryGetValue(p, out var body) && _bodyOrders.TryGetValue(body, out var order) ? IndexOf(order) : -1);
            }

            foreach (var es in start.Elements)
            {
                int e = _model.ElementNames.IndexOf(es.Name, StringComparer.Ordinal);
                switch (e < 0 ? ElementKind.Sink : _model.GetKind(new ElementId(e)))
                {
                    case ElementKind.Station:
                        foreach (var machine in es.Machines)
                        {
                            if (machine.Part is { } p)
                            {
                                Number(p);
                            }
                        }

                        break;
                    case ElementKind.Buffer:
                    case ElementKind.Conveyor:
                        foreach (var stored in es.Parts)
                        {
                            Number(stored.Part);
                        }

                        break;
                    case ElementKind.Source when es.HeldPart is { } held:
                        Number(held);
                        break;
                    default:
                        break;
                }
            }
        }

        public void OnPartCreated(double time, int source, int part, ReadOnlySpan<int> attributes)
        {
            Set(part, Pending);
            Pending = -1;
        }

        public void OnPartEntered(double time, int element, int part)
        {
            if (!_sink[element] || part >= _orderOf.Length || _orderOf[part] is not (>= 0 and var order))
            {
                return;
            }

            _orderOf[part] = -1;
            if (--_outstanding[order] == 0)
            {
                _completion[order] = time - _t0;
                Open--;
            }
        }

        public void OnMachineStatusChanged(double time, int element, int server, MachineStatus status)
        {
        }

        public void OnPartExited(double time, int element, int part)
        {
        }

        public void OnPartCompleted(double time, int element, int part, PartOutcome outcome)
        {
            if (outcome == PartOutcome.Scrap && part < _orderOf.Length)
            {
                _orderOf[part] = -1; // it never leaves the plant as output: its order waits for a body that will not come
            }
        }

        public void OnStoreLevelChanged(double time, int element, int level)
        {
        }

        private void Set(int part, int order)
        {
            if (part >= _orderOf.Length)
            {
                int size = Math.Max(part + 1, _orderOf.Length * 2);
                int old = _orderOf.Length;
                Array.Resize(ref _orderOf, size);
                Array.Fill(_orderOf, -1, old, size - old);
            }

            _orderOf[part] = order;
        }
    }
}
