namespace FactoryTwin.Analytics.Sequencing;

/// <summary>
/// An assembly capacity rule p/q: at most <paramref name="P"/> bodies with <paramref name="Option"/> in any
/// <paramref name="Q"/> consecutive positions (CSPLib problem 001, car sequencing).
/// </summary>
/// <param name="Option">The option's name, as bodies list it.</param>
/// <param name="P">The most bodies with the option in a window, at least 0.</param>
/// <param name="Q">The window length in positions, at least 1 and at least <paramref name="P"/>.</param>
/// <param name="Mode">Whether the rule is hard or soft.</param>
/// <param name="Weight">The cost of each body over <paramref name="P"/> in a window when the rule is soft (the
/// ROADEF 2005 count: a window holding p + 2 such bodies costs two violations).</param>
public sealed record OptionRatio(string Option, int P, int Q, ConstraintMode Mode = ConstraintMode.Hard, int Weight = 1);
