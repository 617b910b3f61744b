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
    private readonly Dictionary<Type, CellTable> _tables;

    public CellCatalog(IModel model) =>
        _tables = model.GetEntityTypes().Where(t => typeof(Cell).IsAssignableFrom(t.ClrType)).ToDictionary(t => t.ClrType, t => new CellTable(t));

    public CellTable Of(Type cellType) => _tables[cellType];

    public CellTable Of<TCell>() where TCell : Cell => _tables[typeof(TCell)];
}
