namespace RedesPlataforma.Reporting.Suppression;

/// <summary>
/// Configuration section <c>Reporting:Suppression</c>: a published national cell built from fewer producers or fewer
/// networks than these is suppressed (docs/decisions/0007-reporting-read-models.md). Zero turns a threshold off.
/// </summary>
public sealed class SuppressionOptions
{
    public const string Section = "Reporting:Suppression";

    /// <summary>What a suppressed cell shows in CSV and .xlsx exports (JSON shows null and names the column).</summary>
    public const string Marker = "*";

    public int MinProducers { get; set; } = 5;
    public int MinNetworks { get; set; } = 3;
}
