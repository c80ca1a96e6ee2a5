using FactoryTwin.Model.Distributions;
using EngineDistribution = FactoryTwin.Simulation.Modeling.Distribution;
using ModelDistribution = FactoryTwin.Model.Distributions.Distribution;

namespace FactoryTwin.Plant.Simulation;

/// <summary>Maps the plant file's distributions (SI seconds) to the engine's sampling value type.</summary>
internal static class EngineDistributions
{
    public static EngineDistribution From(ModelDistribution distribution) => distribution switch
    {
        ConstantDistribution c => EngineDistribution.Constant(c.Value),
        UniformDistribution u => EngineDistribution.Uniform(u.Min, u.Max),
        TriangularDistribution t => EngineDistribution.Triangular(t.Min, t.Mode, t.Max),
        NormalDistribution n => EngineDistribution.Normal(n.Mu, n.Sigma),
        LogNormalDistribution l => EngineDistribution.LogNormal(l.MeanValue, l.Cv),
        ExponentialDistribution e => EngineDistribution.Exponential(e.MeanValue),
        EmpiricalDistribution e => EngineDistribution.Empirical(e.Samples),
        null => throw new ArgumentNullException(nameof(distribution)),
        _ => throw new NotSupportedException($"The engine cannot sample a '{distribution.Name}' distribution."),
    };
}
