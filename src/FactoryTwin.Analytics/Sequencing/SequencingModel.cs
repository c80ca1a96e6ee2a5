using Google.OrTools.Sat;

namespace FactoryTwin.Analytics.Sequencing;

/// <summary>
/// The CP-SAT model of the positions <c>[start, start + W)</c> of the sequence, after a fixed prefix of
/// <c>start</c> positions (the whole day when <c>start = 0</c> and <c>W = n</c>). A position × class assignment:
/// <list type="bullet">
/// <item><c>x[p,k]</c>: position p paints a body of class k; exactly one class per position; each class at most its
/// remaining bodies (exactly, when the window reaches the end of the day).</item>
/// <item><c>col[p,c]</c> = Σ x[p,k] over the classes of colour c; <c>opt[p,o]</c> = Σ x[p,k] over the classes with option o.</item>
/// <item>Option p/q: Σ opt over every window of q positions ≤ p (the prefix's part is a constant).</item>
/// <item>Colour change <c>ch[p]</c> ⇔ the colour at p differs from p − 1: ch ≥ col[p,c] − col[p−1,c] and
/// ch ≤ 2 − col[p,c] − col[p−1,c] for every colour. A batch of at most L: among any L consecutive ch at least one is set.</item>
/// <item>Dues, per class and due position d: the class's positions up to d are at least its bodies due by d (Hall's
/// condition: with earliest-due-first within the class this is exactly "every body on time"); prefix counts are
/// chained from one due point to the next so each position enters once per class.</item>
/// </list>
/// A soft rule's excess is a variable with the rule's weight in the objective. When <c>relax</c> is set (the windows of
/// a day too large for one model) hard rules are soft with <see cref="HardWeight"/>, so every window has a solution, and
/// necessary conditions on the rest of the day keep the window from stranding it: each option's remaining bodies fit
/// the rest at p/q, each colour's remaining bodies can be split into batches by the others, and the bodies due by the
/// next due points fit before them.
/// </summary>
internal sealed class SequencingModel
{
    /// <summary>The objective weight of one violation of a hard rule in a relaxed window.</summary>
    public const long HardWeight = 100_000;

    private const int LookaheadDuePoints = 6;

    private readonly SequencingProblem _problem;
    private readonly SequencingClasses _classes;
    private readonly int[] _prefix;
    private readonly int _start;
    private readonly int _end;
    private readonly int _n;
    private readonly bool _relax;
    private readonly int[] _remaining;
    private readonly List<int> _pool = [];
    private readonly BoolVar?[] _x; // [(p - start) * K + k]
    private readonly LinearExprBuilder _objective = LinearExpr.NewBuilder();
    private readonly List<(IntVar Var, Func<int[], long> Value)> _auxiliary = [];

    public SequencingModel(SequencingProblem problem, SequencingClasses classes, int[] prefix, int length, bool relax)
    {
        _problem = problem;
        _classes = classes;
        _prefix = prefix;
        _start = prefix.Length;
        _end = _start + length;
        _n = problem.Bodies.Count;
        _relax = relax;
        _remaining = new int[classes.Count];
        for (var k = 0; k < classes.Count; k++)
        {
            _remaining[k] = classes.Bodies[k].Length;
        }

        foreach (var k in prefix)
        {
            _remaining[k]--;
        }

        for (var k = 0; k < classes.Count; k++)
        {
            if (_remaining[k] > 0)
            {
                _pool.Add(k);
            }
        }

        Model = new CpModel();
        _x = new BoolVar?[length * classes.Count];
        for (var p = _start; p < _end; p++)
        {
            foreach (var k in _pool)
            {
                _x[((p - _start) * classes.Count) + k] = Model.NewBoolVar(string.Empty);
            }
        }

        AddAssignment();
        AddColours();
        AddOptions();
        AddDues();
        Model.Minimize(_objective);
    }

    public CpModel Model { get; }

    private BoolVar X(int p, int k) => _x[((p - _start) * _classes.Count) + k]!;

    /// <summary>Adds <paramref name="expression"/> ≥ <paramref name="bound"/> as a hard rule, or as a soft one with
    /// an excess variable of <paramref name="weight"/> (capped at <paramref name="most"/>).</summary>
    private void AtLeast(LinearExprBuilder expression, long bound, bool hard, long weight, long most, Func<int[], long> excess)
    {
        if (hard && !_relax)
        {
            Model.Add(expression >= bound);
            return;
        }

        var slack = Model.NewIntVar(0, Math.Max(0, most), string.Empty);
        expression.Add(slack);
        Model.Add(expression >= bound);
        _objective.AddTerm(slack, hard ? HardWeight : weight);
        _auxiliary.Add((slack, excess));
    }

    private void AddAssignment()
    {
        var row = new List<BoolVar>(_pool.Count);
        for (var p = _start; p < _end; p++)
        {
            row.Clear();
            foreach (var k in _pool)
            {
                row.Add(X(p, k));
            }

            Model.AddExactlyOne(row);
        }

        var column = new BoolVar[_end - _start];
        foreach (var k in _pool)
        {
            for (var p = _start; p < _end; p++)
            {
                column[p - _start] = X(p, k);
            }

            if (_end == _n)
            {
                Model.Add(LinearExpr.Sum(column) == _remaining[k]);
            }
            else
            {
                Model.Add(LinearExpr.Sum(column) <= _remaining[k]);
            }
        }
    }

    /// <summary>Per position of the window: 1 exactly when the class there is in <paramref name="members"/>.</summary>
    private LinearExpr[] Indicator(List<int> members, Func<int, bool> inSet)
    {
        var result = new LinearExpr[_end - _start];
        for (var p = _start; p < _end; p++)
        {
            if (members.Count == 0)
            {
                result[p - _start] = LinearExpr.Constant(0);
                continue;
            }

            if (members.Count == 1)
            {
                result[p - _start] = X(p, members[0]);
                continue;
            }

            var v = Model.NewBoolVar(string.Empty);
            var sum = LinearExpr.NewBuilder();
            foreach (var c in members)
            {
                sum.Add(X(p, c));
            }

            Model.Add(sum == v);
            var position = p;
            _auxiliary.Add((v, s => inSet(s[position]) ? 1 : 0));
            result[p - _start] = v;
        }

        return result;
    }

    private void AddColours()
    {
        var rules = _problem.Rules;
        var colours = _classes.Colours.Length;
        if (colours < 2 || _n < 2)
        {
            if (colours == 1 && rules.MaxBatchLength < _n && rules.BatchMode == ConstraintMode.Hard && !_relax)
            {
                // One colour cannot be split into batches: no sequence keeps a hard batch limit shorter than the day.
                Model.AddBoolOr([Model.FalseLiteral()]);
            }

            return;
        }

        var col = new LinearExpr[colours][];
        var colourRemaining = new int[colours];
        for (var c = 0; c < colours; c++)
        {
            var members = new List<int>();
            foreach (var k in _pool)
            {
                if (_classes.Colour[k] == c)
                {
                    members.Add(k);
                    colourRemaining[c] += _remaining[k];
                }
            }

            var colour = c;
            col[c] = Indicator(members, k => _classes.Colour[k] == colour);
        }

        // ch[p] for every p in 1 .. end-1: constants in the prefix, variables in the window.
        var ch = new LinearExpr[_end];
        for (var p = 1; p < _end; p++)
        {
            if (p < _start)
            {
                ch[p] = LinearExpr.Constant(_classes.Colour[_prefix[p]] != _classes.Colour[_prefix[p - 1]] ? 1 : 0);
                continue;
            }

            var change = Model.NewBoolVar(string.Empty);
            for (var c = 0; c < colours; c++)
            {
                if (p == _start)
                {
                    // The previous position is fixed: a change unless this one has the same colour.
                    if (_classes.Colour[_prefix[p - 1]] == c)
                    {
                        Model.Add(change + col[c][0] == 1);
                    }
                }
                else
                {
                    Model.Add(change >= col[c][p - _start] - col[c][p - 1 - _start]);
                    Model.Add(change + col[c][p - _start] + col[c][p - 1 - _start] <= 2);
                }
            }

            var position = p;
            _auxiliary.Add((change, s => _classes.Colour[s[position]] != _classes.Colour[s[position - 1]] ? 1 : 0));
            if (rules.ColourChangeWeight != 0)
            {
                _objective.AddTerm(change, rules.ColourChangeWeight);
            }

            ch[p] = change;
        }

        if (rules.MaxBatchLength is not { } limit || limit >= _n)
        {
            return;
        }

        // Positions s .. s+L hold one colour only if none of ch[s+1 .. s+L] is set.
        var hard = rules.BatchMode == ConstraintMode.Hard;
        for (var s = Math.Max(0, _start - limit); s + limit < _end; s++)
        {
            var window = LinearExpr.NewBuilder();
            for (var q = s + 1; q <= s + limit; q++)
            {
                window.Add(ch[q]);
            }

            var from = s;
            AtLeast(window, 1, hard, rules.BatchWeight, 1, seq => SameColour(seq, from, limit) ? 1 : 0);
        }

        if (_relax && hard && _end < _n)
        {
            // The rest of the day must be able to split each colour into batches: R_c' <= L * (others' rest + 1).
            var rest = _n - _end;
            for (var c = 0; c < colours; c++)
            {
                if (colourRemaining[c] <= limit)
                {
                    continue;
                }

                // (L + 1) * (R_c - w_c) <= L * (rest + 1)  <=>  (L + 1) * w_c >= (L + 1) * R_c - L * (rest + 1).
                var w = LinearExpr.NewBuilder();
                foreach (var term in col[c])
                {
                    w.AddTerm(term, limit + 1);
                }

                var need = ((long)(limit + 1) * colourRemaining[c]) - ((long)limit * (rest + 1));
                if (need > 0)
                {
                    AtLeast(w, need, true, 0, need, _ => 0);
                }
            }
        }
    }

    private bool SameColour(int[] sequence, int start, int limit)
    {
        for (var q = start + 1; q <= start + limit; q++)
        {
            if (_classes.Colour[sequence[q]] != _classes.Colour[sequence[q - 1]])
            {
                return false;
            }
        }

        return true;
    }

    private void AddOptions()
    {
        for (var r = 0; r < _classes.Rules.Length; r++)
        {
            var rule = _classes.Rules[r];
            var bit = 1 << r;
            var members = new List<int>();
            var optionRemaining = 0;
            foreach (var k in _pool)
            {
                if ((_classes.Mask[k] & bit) != 0)
                {
                    members.Add(k);
                    optionRemaining += _remaining[k];
                }
            }

            var width = Math.Min(rule.Q, _n);
            if (members.Count == 0 || rule.P >= width)
            {
                continue;
            }

            var opt = Indicator(members, k => (_classes.Mask[k] & bit) != 0);
            var hard = rule.Mode == ConstraintMode.Hard;
            for (var e = Math.Max(_start, width - 1); e < _end; e++)
            {
                // The window [e - width + 1, e]: Σ opt <= P, written as P - Σ opt >= 0.
                var window = LinearExpr.NewBuilder();
                var constant = 0;
                for (var p = e - width + 1; p <= e; p++)
                {
                    if (p < _start)
                    {
                        constant += (_classes.Mask[_prefix[p]] & bit) != 0 ? 1 : 0;
                    }
                    else
                    {
                        window.AddTerm(opt[p - _start], -1);
                    }
                }

                var from = e - width + 1;
                AtLeast(window, constant - rule.P, hard, rule.Weight, width, seq => Math.Max(0, CountOption(seq, bit, from, width) - rule.P));
            }

            if (_relax && _end < _n)
            {
                // What is left of the option after the window must fit the rest of the day at p/q.
                var rest = _n - _end;
                var capacity = ((long)(rest / rule.Q) * rule.P) + Math.Min(rule.P, rest % rule.Q);
                var need = optionRemaining - capacity;
                if (need > 0)
                {
                    var w = LinearExpr.NewBuilder();
                    foreach (var term in opt)
                    {
                        w.Add(term);
                    }

                    AtLeast(w, need, hard, rule.Weight, need, _ => 0);
                }
            }
        }
    }

    private int CountOption(int[] sequence, int bit, int start, int width)
    {
        var count = 0;
        for (var p = start; p < start + width; p++)
        {
            if ((_classes.Mask[sequence[p]] & bit) != 0)
            {
                count++;
            }
        }

        return count;
    }

    private void AddDues()
    {
        var rules = _problem.Rules;
        var hard = rules.DueMode == ConstraintMode.Hard;
        var placedBefore = new int[_classes.Count];
        foreach (var k in _prefix)
        {
            placedBefore[k]++;
        }

        var beyond = new SortedDictionary<int, List<(int Class, int Need)>>();
        foreach (var k in _pool)
        {
            IntVar? previous = null;
            var from = _start;
            foreach (var (due, dueBy) in SequenceEvaluator.DuePoints(_problem, _classes.Bodies[k]))
            {
                var need = dueBy - placedBefore[k];
                if (due <= _start || need <= 0)
                {
                    continue;
                }

                if (due > _end)
                {
                    (beyond.TryGetValue(due, out var list) ? list : beyond[due] = []).Add((k, need));
                    continue;
                }

                // count = previous + Σ x[p,k] for p in [from, due): the class's bodies painted in the window by d.
                var count = Model.NewIntVar(0, Math.Min(_remaining[k], due - _start), string.Empty);
                var sum = LinearExpr.NewBuilder();
                if (previous is not null)
                {
                    sum.Add(previous);
                }

                for (var p = from; p < due; p++)
                {
                    sum.Add(X(p, k));
                }

                Model.Add(sum == count);
                var cls = k;
                var upTo = due;
                _auxiliary.Add((count, seq => CountClass(seq, cls, _start, upTo)));
                var atLeast = LinearExpr.NewBuilder().Add(count);
                AtLeast(atLeast, need, hard, rules.DueWeight, need, seq => Math.Max(0, need - CountClass(seq, cls, _start, upTo)));
                previous = count;
                from = due;
            }
        }

        if (!_relax || !hard)
        {
            return;
        }

        // The bodies due by each of the next due points after the window must fit between the window and that point.
        var window = new Dictionary<int, IntVar>();
        foreach (var (due, needs) in beyond.Take(LookaheadDuePoints))
        {
            var total = 0L;
            var taken = LinearExpr.NewBuilder();
            foreach (var (k, need) in needs)
            {
                total += need;
                if (!window.TryGetValue(k, out var w))
                {
                    w = Model.NewIntVar(0, Math.Min(_remaining[k], _end - _start), string.Empty);
                    var sum = LinearExpr.NewBuilder();
                    for (var p = _start; p < _end; p++)
                    {
                        sum.Add(X(p, k));
                    }

                    Model.Add(sum == w);
                    var cls = k;
                    _auxiliary.Add((w, seq => CountClass(seq, cls, _start, _end)));
                    window[k] = w;
                }

                var t = Model.NewIntVar(0, need, string.Empty);
                Model.Add(t <= w);
                _auxiliary.Add((t, seq => Math.Min(need, CountClass(seq, k, _start, _end))));
                taken.Add(t);
            }

            var lacking = total - (due - _end);
            if (lacking > 0)
            {
                AtLeast(taken, lacking, true, 0, lacking, _ => 0);
            }
        }
    }

    private static int CountClass(int[] sequence, int k, int from, int upTo)
    {
        var count = 0;
        for (var p = from; p < upTo; p++)
        {
            if (sequence[p] == k)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Hints a complete solution of the window: <paramref name="sequence"/> holds the whole day's classes
    /// (the prefix first); every auxiliary variable gets the value the sequence implies.</summary>
    public void Hint(int[] sequence)
    {
        Model.ClearHints();
        for (var p = _start; p < _end; p++)
        {
            foreach (var k in _pool)
            {
                Model.AddHint(X(p, k), sequence[p] == k ? 1 : 0);
            }
        }

        foreach (var (v, value) in _auxiliary)
        {
            Model.AddHint(v, value(sequence));
        }
    }

    /// <summary>Reads the classes of the window's positions from the solver's best solution.</summary>
    public int[] Read(CpSolver solver)
    {
        var sequence = new int[_end - _start];
        for (var p = _start; p < _end; p++)
        {
            sequence[p - _start] = -1;
            foreach (var k in _pool)
            {
                if (solver.BooleanValue(X(p, k)))
                {
                    sequence[p - _start] = k;
                    break;
                }
            }
        }

        return sequence;
    }
}
