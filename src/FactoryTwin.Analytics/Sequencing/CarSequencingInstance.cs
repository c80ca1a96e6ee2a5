using System.Globalization;

namespace FactoryTwin.Analytics.Sequencing;

/// <summary>A car-sequencing instance in the CSPLib problem 001 sense: cars of classes, each class a set of options,
/// each option a p/q capacity.</summary>
/// <param name="Cars">The number of cars.</param>
/// <param name="Ratios">Each option's capacity p/q, in file order (options are named <c>o1</c>, <c>o2</c>, …).</param>
/// <param name="Classes">The classes.</param>
public sealed record CarSequencingInstance(int Cars, IReadOnlyList<OptionRatio> Ratios, IReadOnlyList<CarClass> Classes)
{
    /// <summary>The problem of sequencing the cars with every ratio hard, one colour and no dues. Bodies are named
    /// <c>c{class}-{n}</c> and listed class by class.</summary>
    /// <returns>The problem.</returns>
    public SequencingProblem ToProblem()
    {
        var bodies = new List<SequencingBody>(Cars);
        foreach (var c in Classes)
        {
            var options = new List<string>();
            for (var o = 0; o < c.Options.Count; o++)
            {
                if (c.Options[o])
                {
                    options.Add(Ratios[o].Option);
                }
            }

            for (var i = 1; i <= c.Count; i++)
            {
                bodies.Add(new SequencingBody(string.Create(CultureInfo.InvariantCulture, $"c{c.Id}-{i}"), "-", options));
            }
        }

        return new SequencingProblem(bodies, new SequencingRules { Options = Ratios });
    }

    /// <summary>The option name CSPLib's i-th (0-based) option gets.</summary>
    /// <param name="index">The option's index in the file.</param>
    /// <returns><c>o1</c> for 0 and so on.</returns>
    public static string OptionName(int index) => string.Create(CultureInfo.InvariantCulture, $"o{index + 1}");
}
