using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RedesPlataforma.Reporting.Cells;

/// <summary>What a figure can be broken down by: a key column some cell types have.</summary>
public enum Dimension { Institution, Region, ValueChain, Phase, Programme, Month }

public sealed record CellColumn(string Property, string Column, IProperty Metadata)
{
    public object? ValueOf(Cell cell) => Metadata.GetGetter().GetClrValue(cell);
}

/// <summary>A cell type's table as its EF mapping declares it: key columns (the grain) and measure columns.</summary>
public sealed class CellTable
{
    internal CellTable(IEntityType type)
    {
        ClrType = type.ClrType;
        Name = type.GetTableName()!;
        var key = type.FindPrimaryKey()!.Properties;
        Keys = [.. key.Select(Column)];
        Measures = [.. type.GetProperties().Where(p => !key.Contains(p)).Select(Column)];
    }

    public Type ClrType { get; }
    public string Name { get; }
    public IReadOnlyList<CellColumn> Keys { get; }
    public IReadOnlyList<CellColumn> Measures { get; }

    /// <summary>The key column a dimension groups by, when this grain has it.</summary>
    public CellColumn? KeyFor(Dimension dimension) => Keys.FirstOrDefault(k => k.Property == PropertyOf(dimension));

    private static string PropertyOf(Dimension dimension) => dimension switch
    {
        Dimension.Institution => nameof(Cell.TenantId),
        Dimension.Region => nameof(NetworkCell.RegionCode),
        Dimension.ValueChain => nameof(NetworkCell.ValueChain),
        Dimension.Phase => nameof(NetworkCell.Phase),
        Dimension.Programme => nameof(FinancingMonthCell.ProgrammeId),
        _ => nameof(FinancingMonthCell.Month),
    };

    private static CellColumn Column(IProperty property) => new(property.Name, property.GetColumnName(), property);
}

/// <summary>Every cell table of the model, read once from the EF mapping so SQL is generated, never hand-kept in step.</summary>
public sealed class CellCatalog
{
    /// <summary>The breakdowns a national cell is rolled up by, besides its tenant as a whole.</summary>
    private static readonly Dimension[] RolledUp = [Dimension.Region, Dimension.ValueChain, Dimension.Phase];

    private readonly Dictionary<Type, CellTable> _tables;

    public CellCatalog(IModel model)
    {
        _tables = model.GetEntityTypes().Where(t => typeof(Cell).IsAssignableFrom(t.ClrType)).ToDictionary(t => t.ClrType, t => new CellTable(t));
        Breakdowns = Of<BreakdownCell>();
    }

    public CellTable Of(Type cellType) => _tables[cellType];

    public CellTable Of<TCell>() where TCell : Cell => _tables[typeof(TCell)];

    /// <summary>The national cells rolled up (<see cref="BreakdownCell"/>).</summary>
    public CellTable Breakdowns { get; }

    /// <summary>The national cell types: those rolled up into <see cref="Breakdowns"/>.</summary>
    public IEnumerable<CellTable> National => _tables.Values.Where(t => typeof(INationalCell).IsAssignableFrom(t.ClrType));

    /// <summary>The dimensions a national cell table is rolled up by: Institution (its tenant as a whole), then each it has a key for.</summary>
    public static IEnumerable<(Dimension Dimension, CellColumn? Key)> RollUpOf(CellTable table) =>
        RolledUp.Select(d => (Dimension: d, Key: table.KeyFor(d))).Where(x => x.Key is not null).Prepend((Dimension.Institution, null));

    /// <summary>The keys (tenant, dimension, key) of the breakdown rows a national cell counts in.</summary>
    public IEnumerable<object?[]> BreakdownKeysOf(Cell cell) =>
        RollUpOf(Of(cell.GetType())).Select(x => new object?[]
        {
            cell.TenantId, x.Dimension.ToString(),
            x.Key is { } key ? Convert.ToString(key.ValueOf(cell), CultureInfo.InvariantCulture) : cell.TenantId.ToString(),
        });
}
