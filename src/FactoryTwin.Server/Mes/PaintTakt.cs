using FactoryTwin.Model.Ids;

namespace FactoryTwin.Server.Mes;

/// <summary>The time between two bodies on the paint line, which turns a schedule's due times into due positions.</summary>
/// <param name="Line">The paint line the takt is taken from, or <see langword="null"/> when it was given.</param>
/// <param name="Takt">The time per body.</param>
/// <param name="Basis">Where the takt comes from, in one phrase (e.g. <c>paint: 8 h shift / target 415</c>).</param>
public sealed record PaintTakt(LineId? Line, TimeSpan Takt, string Basis);
