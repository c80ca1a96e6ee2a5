namespace FactoryTwin.Cli.Commands;

/// <summary>The arguments of <c>factorytwin whatif</c>.</summary>
internal sealed record WhatIfRequest(
    string PlantPath,
    IReadOnlyList<string> ScenarioPaths,
    int Replications,
    ulong Seed,
    double WarmUp,
    double Duration,
    TimeOnly? At,
    bool Json);
