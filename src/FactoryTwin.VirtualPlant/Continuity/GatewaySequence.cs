namespace FactoryTwin.VirtualPlant.Continuity;

/// <summary>One gateway's sequence counter in a <see cref="VirtualPlantState"/>.</summary>
/// <param name="Gateway">The gateway id.</param>
/// <param name="NextSeq">The <c>seq</c> its next message takes: its last used number + 1 (0 when it sent none).</param>
/// <param name="PeakPerSave">The most numbers it took between two periodic saves (sizes the margin after a crash).</param>
public readonly record struct GatewaySequence(string Gateway, long NextSeq, long PeakPerSave);
