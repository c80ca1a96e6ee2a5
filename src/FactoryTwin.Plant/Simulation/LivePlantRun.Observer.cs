using System.Globalization;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Ovens;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Plant.Simulation;

/// <summary>Translation of engine notifications into plant trace events.</summary>
public sealed partial class LivePlantRun
{
    /// <summary>Engine ids → assets; per-station server statuses; per-part body ids.</summary>
    private sealed class Observer : ILineObserver
    {
        private readonly IPlantTraceSink _sink;
        private readonly LineSimulation _engine;
        private readonly AssetId?[] _assets;
        private readonly LineId[] _lines;
        private readonly int[] _serverOffset; // per element: first slot in _serverStatus (stations)
        private readonly int[] _serverCount;
        private readonly MachineStatus[] _serverStatus;
        private readonly StationState[] _reported;
        private readonly bool[] _dirty;
        private readonly List<int> _dirtyList = [];
        private readonly long[] _good;
        private readonly long[] _scrap;
        private readonly VariantId[] _variants;
        private readonly ColourId[] _colours;
        private string?[] _body = new string?[64];
        private int[] _variantOf = new int[64];
        private int[] _colourOf = new int[64];
        private string?[] _orderOf = new string?[64];
        private readonly Dictionary<int, LiveOvenCure> _cures;
        private readonly Dictionary<(int Element, int Part), (CureVerdict Verdict, AssetId? Route)> _leaving = [];
        private bool _started;
        private double _instant;

        public Observer(PlantSimulation simulation, LineSimulation engine, IPlantTraceSink sink, Dictionary<int, LiveOvenCure> cures)
        {
            _sink = sink;
            _engine = engine;
            _cures = cures;
            var model = simulation.Model;
            int n = model.ElementNames.Length;
            _assets = new AssetId?[n];
            _lines = new LineId[n];
            _serverOffset = new int[n];
            _serverCount = new int[n];
            _reported = new StationState[n];
            _dirty = new bool[n];
            _good = new long[n];
            _scrap = new long[n];
            foreach (var map in simulation.Lines)
            {
                foreach (var asset in map.Elements)
                {
                    int e = simulation.ElementOf(asset).Index;
                    _assets[e] = asset;
                    _lines[e] = map.Line;
                }
            }

            int slots = 0;
            for (int e = 0; e < n; e++)
            {
                _serverOffset[e] = slots;
                if (model.GetKind(new ElementId(e)) == ElementKind.Station && _assets[e] is { } id && simulation.Plant.FindElement(id) is Station station)
                {
                    _serverCount[e] = station.Capacity;
                    slots += _serverCount[e];
                }
            }

            _serverStatus = new MachineStatus[slots];
            _variants = [.. simulation.Plant.Variants.Items.Select(v => v.Id)];
            _colours = [.. simulation.Plant.Colours.Items.Select(c => c.Id)];
        }

        public long BodiesCreated { get; private set; }

        /// <summary>The order the release plan gave the body the engine creates next (set just before it is created).</summary>
        public string? PendingOrder { get; set; }

        public StationState StateOf(int e) => _reported[e];

        /// <summary>After the engine's reset: read every server's status and report each station's state.</summary>
        public void Started()
        {
            for (int e = 0; e < _serverCount.Length; e++)
            {
                for (int k = 0; k < _serverCount[e]; k++)
                {
                    _serverStatus[_serverOffset[e] + k] = _engine.GetMachineStatus(new ElementId(e), k);
                }

                if (_serverCount[e] > 0 && _assets[e] is { } asset)
                {
                    _reported[e] = Summarize(e);
                    _sink.OnEvent(new PlantTraceEvent(_engine.Now, PlantTraceKind.State, _lines[e], asset, State: _reported[e]));
                }
            }

            _dirtyList.Clear();
            Array.Clear(_dirty);
            _started = true;
            _instant = _engine.Now;
        }

        /// <summary>Reports the stations whose state changed during the last instant.</summary>
        public void Flush()
        {
            foreach (int e in _dirtyList)
            {
                _dirty[e] = false;
                var state = Summarize(e);
                if (state != _reported[e] && _assets[e] is { } asset)
                {
                    _reported[e] = state;
                    _sink.OnEvent(new PlantTraceEvent(_instant, PlantTraceKind.State, _lines[e], asset, State: state));
                }
            }

            _dirtyList.Clear();
        }

        public void OnMachineStatusChanged(double time, int element, int server, MachineStatus status)
        {
            Advance(time);
            _serverStatus[_serverOffset[element] + server] = status;
            if (_started && !_dirty[element])
            {
                _dirty[element] = true;
                _dirtyList.Add(element);
            }
        }

        public void OnPartCreated(double time, int source, int part, ReadOnlySpan<int> attributes)
        {
            Advance(time);
            if (part >= _body.Length)
            {
                int size = Math.Max(part + 1, _body.Length * 2);
                Array.Resize(ref _body, size);
                Array.Resize(ref _variantOf, size);
                Array.Resize(ref _colourOf, size);
                Array.Resize(ref _orderOf, size);
            }

            BodiesCreated++;
            _body[part] = string.Create(CultureInfo.InvariantCulture, $"B-{BodiesCreated:D6}");
            _variantOf[part] = attributes[PlantPartAttributes.Variant];
            _colourOf[part] = attributes[PlantPartAttributes.Colour];
            _orderOf[part] = PendingOrder;
            PendingOrder = null;
            Part(time, PlantTraceKind.PartEnter, source, part);
        }

        public void OnPartEntered(double time, int element, int part)
        {
            Advance(time);
            Part(time, PlantTraceKind.PartEnter, element, part);
        }

        public void OnPartExited(double time, int element, int part)
        {
            Advance(time);
            if (_leaving.Remove((element, part), out var cure))
            {
                Part(time, PlantTraceKind.PartExit, element, part, cure.Verdict, cure.Route);
                return;
            }

            Part(time, PlantTraceKind.PartExit, element, part);
        }

        public void OnPartCompleted(double time, int element, int part, PartOutcome outcome)
        {
            Advance(time);
            if (_cures.TryGetValue(element, out var gate) && gate.TryTake(part, out var verdict))
            {
                // Reported with the body's exit: it may wait on the oven's exit until the next element takes it.
                _leaving[(element, part)] = (verdict, outcome == PartOutcome.Rework ? gate.Router.Target : null);
            }

            if (outcome == PartOutcome.Scrap)
            {
                _scrap[element]++;
            }
            else if (outcome == PartOutcome.Good)
            {
                _good[element]++;
            }
            else
            {
                return; // sent to rework: neither total changes
            }

            if (_assets[element] is { } asset)
            {
                _sink.OnEvent(new PlantTraceEvent(time, PlantTraceKind.Count, _lines[element], asset, Good: _good[element], Scrap: _scrap[element]));
            }
        }

        public void OnStoreLevelChanged(double time, int element, int level)
        {
            Advance(time);
            if (_assets[element] is { } asset)
            {
                _sink.OnEvent(new PlantTraceEvent(time, PlantTraceKind.Level, _lines[element], asset, Level: level));
            }
        }

        /// <summary>A notification at a later time closes the previous instant: its state changes are reported first.</summary>
        private void Advance(double time)
        {
            if (time > _instant)
            {
                Flush();
                _instant = time;
            }
        }

        private void Part(double time, PlantTraceKind kind, int element, int part, CureVerdict? cure = null, AssetId? route = null)
        {
            if (_assets[element] is not { } asset || part >= _body.Length || _body[part] is not { } body)
            {
                return; // an engine-only element (rework queue) or a part from before the start
            }

            _sink.OnEvent(new PlantTraceEvent(time, kind, _lines[element], asset, Body: body, Variant: Safe(_variants, _variantOf[part]), Colour: Safe(_colours, _colourOf[part]), Cure: cure, Route: route, Order: _orderOf[part]));
        }

        private static T Safe<T>(T[] items, int index) where T : struct => (uint)index < (uint)items.Length ? items[index] : default;

        private StationState Summarize(int e)
        {
            var statuses = _serverStatus.AsSpan(_serverOffset[e], _serverCount[e]);
            bool setup = false, down = false, blocked = false, off = false;
            foreach (var s in statuses)
            {
                switch (s)
                {
                    case MachineStatus.Working:
                        return StationState.Working;
                    case MachineStatus.SettingUp:
                        setup = true;
                        break;
                    case MachineStatus.Down:
                        down = true;
                        break;
                    case MachineStatus.Blocked:
                        blocked = true;
                        break;
                    case MachineStatus.OffShift:
                        off = true;
                        break;
                    default:
                        break;
                }
            }

            return setup ? StationState.Setup : down ? StationState.Down : blocked ? StationState.Blocked : off ? StationState.OffShift : StationState.Starved;
        }
    }
}
