using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedesPlataforma.Reporting.Cells;

namespace RedesPlataforma.Reporting.Infrastructure.EntityConfigurations;

/// <summary>Column shapes entities and cells share: codes as long as the producing services allow, money at two decimals.</summary>
static class Columns
{
    /// <summary>A key version and a base64url HMAC-SHA256 (43 characters), with room for longer versions.</summary>
    public const int DniHashLength = 80;

    /// <summary>Region codes are ISO 3166-2 (PE-XXX); value chain codes have at most 40 characters.</summary>
    public static void Place(EntityTypeBuilder entity)
    {
        entity.Property(nameof(NetworkCell.RegionCode)).HasMaxLength(6);
        if (entity.Metadata.FindProperty(nameof(NetworkCell.ValueChain)) is not null) entity.Property(nameof(NetworkCell.ValueChain)).HasMaxLength(40);
    }

    public static void Financing(EntityTypeBuilder entity)
    {
        Place(entity);
        foreach (var amount in new[] { nameof(FinancingMeasures.ProgrammeFunds), nameof(FinancingMeasures.NetworkCash), nameof(FinancingMeasures.NetworkInKind),
                     nameof(FinancingMeasures.Disbursed), nameof(FinancingMeasures.ExecutedCash), nameof(FinancingMeasures.ExecutedInKind) })
            entity.Property(amount).HasPrecision(18, 2);
    }

    public static void Monitoring(EntityTypeBuilder entity)
    {
        Place(entity);
        entity.Property(nameof(MonitoringMeasures.Sales)).HasPrecision(18, 2);
        entity.Property(nameof(MonitoringMeasures.IncomeChangeSum)).HasPrecision(18, 2);
    }
}
