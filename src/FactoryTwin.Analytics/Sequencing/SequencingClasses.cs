namespace FactoryTwin.Analytics.Sequencing;

/// <summary>
/// The bodies grouped into classes of interchangeable bodies: same colour and same set of ruled options. Within a class
/// bodies are kept earliest due first, which is the best way to hand a class's positions to its bodies for any due
/// penalty that grows with lateness (exchange argument), and the only way that can meet hard dues when any can.
/// </summary>
internal sealed class SequencingClasses
{
    private SequencingClasses(int[] classOf, int[] colour, int[] mask, int[][] bodies, string[] colours, OptionRatio[] rules)
    {
        ClassOf = classOf;
        Colour = colour;
        Mask = mask;
        Bodies = bodies;
        Colours = colours;
        Rules = rules;
    }

    /// <summary>Gets the class of each body (by the body's index in the problem).</summary>
    public int[] ClassOf { get; }

    /// <summary>Gets each class's colour index into <see cref="Colours"/>.</summary>
    public int[] Colour { get; }

    /// <summary>Gets each class's options as a bit mask over <see cref="Rules"/>.</summary>
    public int[] Mask { get; }

    /// <summary>Gets each class's bodies (problem indices), earliest due first, then in input order.</summary>
    public int[][] Bodies { get; }

    /// <summary>Gets the distinct colours in order of first appearance.</summary>
    public string[] Colours { get; }

    /// <summary>Gets the option rules, one bit each in <see cref="Mask"/>.</summary>
    public OptionRatio[] Rules { get; }

    /// <summary>Gets the number of classes.</summary>
    public int Count => Colour.Length;

    public static SequencingClasses Build(SequencingProblem problem)
    {
        var rules = problem.Rules.Options.ToArray();
        if (rules.Length > SequencingProblem.MaxOptionRules)
        {
            throw new ArgumentException($"at most {SequencingProblem.MaxOptionRules} option rules are supported.", nameof(problem));
        }

        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < rules.Length; r++)
        {
            ruleIndex[rules[r].Option] = r;
        }

        var colourIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var classIndex = new Dictionary<(int Colour, int Mask), int>();
        var colours = new List<string>();
        var classColour = new List<int>();
        var classMask = new List<int>();
        var members = new List<List<int>>();
        var bodies = problem.Bodies;
        var classOf = new int[bodies.Count];
        for (var i = 0; i < bodies.Count; i++)
        {
            var b = bodies[i];
            if (!colourIndex.TryGetValue(b.Colour, out var c))
            {
                c = colours.Count;
                colourIndex[b.Colour] = c;
                colours.Add(b.Colour);
            }

            var mask = 0;
            foreach (var o in b.Options)
            {
                if (ruleIndex.TryGetValue(o, out var r))
                {
                    mask |= 1 << r;
                }
            }

            if (!classIndex.TryGetValue((c, mask), out var k))
            {
                k = classColour.Count;
                classIndex[(c, mask)] = k;
                classColour.Add(c);
                classMask.Add(mask);
                members.Add([]);
            }

            classOf[i] = k;
            members[k].Add(i);
        }

        var sorted = new int[members.Count][];
        for (var k = 0; k < members.Count; k++)
        {
            // Stable sort: equal dues keep their input order.
            sorted[k] = [.. members[k].OrderBy(i => bodies[i].DuePosition ?? int.MaxValue)];
        }

        return new SequencingClasses(classOf, [.. classColour], [.. classMask], sorted, [.. colours], rules);
    }

    /// <summary>Turns a sequence of classes into a sequence of bodies, each class's bodies earliest due first.</summary>
    public int[] ToBodies(ReadOnlySpan<int> classSequence)
    {
        var next = new int[Count];
        var order = new int[classSequence.Length];
        for (var p = 0; p < classSequence.Length; p++)
        {
            var k = classSequence[p];
            order[p] = Bodies[k][next[k]++];
        }

        return order;
    }

    /// <summary>Turns a sequence of bodies into its sequence of classes.</summary>
    public int[] ToClasses(ReadOnlySpan<int> bodyOrder)
    {
        var classes = new int[bodyOrder.Length];
        for (var p = 0; p < bodyOrder.Length; p++)
        {
            classes[p] = ClassOf[bodyOrder[p]];
        }

        return classes;
    }
}
