namespace FactoryTwin.Twin.Abstractions;

/// <summary>
/// A plant or what-if scenario file as its YAML text: what a <see cref="WhatIfReplicationJob"/> sends to the workers
/// instead of the built model, so that a job is small, self-contained and read the same way on every silo.
/// </summary>
/// <param name="File">The file name its diagnostics name (a scenario without a <c>name</c> is named after it).</param>
/// <param name="Text">The YAML text.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.YamlDocument")]
public sealed record YamlDocument(
    [property: Id(0)] string File,
    [property: Id(1)] string Text);
