namespace FactoryTwin.Cli.Commands;

/// <summary>The JSON document of <c>bench thermal --output json</c>.</summary>
/// <param name="Size">Cells along each side.</param>
/// <param name="Steps">Timed steps.</param>
/// <param name="Cores">Logical processors.</param>
/// <param name="CellUpdatesPerSecondMillions">Stencil rate, in millions of cell updates per second.</param>
/// <param name="TriadBandwidthGBs">Triad bandwidth, in GB/s (10⁹ bytes).</param>
/// <param name="LimitMillions">Bandwidth-derived stencil limit, in millions of cell updates per second.</param>
/// <param name="Ratio">Stencil rate / limit.</param>
/// <param name="BytesPerUpdate">Bytes per cell update assumed by the limit.</param>
internal sealed record ThermalBenchResult(
    int Size,
    int Steps,
    int Cores,
    double CellUpdatesPerSecondMillions,
    double TriadBandwidthGBs,
    double LimitMillions,
    double Ratio,
    double BytesPerUpdate);
