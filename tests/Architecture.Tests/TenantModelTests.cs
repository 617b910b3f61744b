using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Tenants.Infrastructure;

namespace RedesPlataforma.Architecture.Tests;

/// <summary>The tenant conventions, checked on every service's real model so a new entity cannot slip past them.</summary>
public sealed class TenantModelTests
{
    private static readonly IReadOnlyList<IModel> Models =
    [
        ModelOf<TenantsDb>(options => new TenantsDb(options, new CurrentTenant())),
        ModelOf<Networks.Infrastructure.NetworksDb>(options => new Networks.Infrastructure.NetworksDb(options, new CurrentTenant())),
        ModelOf<Financing.Infrastructure.FinancingDb>(options => new Financing.Infrastructure.FinancingDb(options, new CurrentTenant())),
        ModelOf<Reporting.Infrastructure.ReportingDb>(options => new Reporting.Infrastructure.ReportingDb(options, new CurrentTenant())),
    ];

    private static readonly IModel Model = Models[0];

    /// <summary>"model index|entity": a building block's entity (the personal-data reads) is checked in each model that maps it.</summary>
    public static TheoryData<string> TenantOwnedEntities() =>
        [.. Models.SelectMany((m, i) => m.GetEntityTypes().Where(TenantModelConventions.IsTenantOwned).Select(e => $"{i}|{e.ClrType.FullName}"))];

    [Fact]
    public void Every_service_has_tenant_owned_entities_to_check() =>
        Assert.All(Models, model => Assert.Contains(model.GetEntityTypes(), TenantModelConventions.IsTenantOwned));

    [Theory]
    [MemberData(nameof(TenantOwnedEntities))]
    public void Every_tenant_owned_entity_has_the_named_tenant_filter_and_a_required_tenant_column(string entity)
    {
        var type = EntityType(entity);
        Assert.NotNull(type.FindDeclaredQueryFilter(TenantModelConventions.FilterName));
        var column = type.FindProperty(nameof(ITenantOwned.TenantId))!;
        Assert.False(column.IsNullable);
        Assert.Equal(TenantModelConventions.TenantColumn, column.GetColumnName());
    }

    [Theory]
    [MemberData(nameof(TenantOwnedEntities))]
    public void Every_unique_index_and_foreign_key_of_a_tenant_owned_entity_includes_the_tenant(string entity)
    {
        var type = EntityType(entity);
        Assert.All(type.GetIndexes().Where(i => i.IsUnique), index => Assert.Equal(nameof(ITenantOwned.TenantId), index.Properties[0].Name));
        Assert.All(type.GetForeignKeys().Where(fk => TenantModelConventions.IsTenantOwned(fk.PrincipalEntityType)),
            fk => Assert.Contains(fk.Properties, p => p.Name == nameof(ITenantOwned.TenantId)));
    }

    [Theory]
    [MemberData(nameof(TenantOwnedEntities))]
    public void Every_tenant_owned_entity_finds_a_tenants_rows_by_one_key_or_index_leading_with_the_tenant_and_no_redundant_one(string entity)
    {
        var type = EntityType(entity);
        var leading = type.GetKeys().Select(k => k.Properties).Concat(type.GetIndexes().Select(i => i.Properties))
            .Where(columns => columns[0].Name == nameof(ITenantOwned.TenantId))
            .ToList();
        Assert.NotEmpty(leading);
        // A (tenant_id) index beside a longer key or index leading with tenant_id is never used and slows every insert.
        if (leading.Count > 1) Assert.DoesNotContain(leading, columns => columns.Count == 1);
    }

    [Fact]
    public void The_filter_reads_the_contexts_tenant_rather_than_a_value_captured_when_the_model_was_built()
    {
        var filter = Model.FindEntityType(typeof(Tenants.Staff.StaffMember))!.FindDeclaredQueryFilter(TenantModelConventions.FilterName)!.Expression!.ToString();
        Assert.Contains(nameof(ITenantDbContext.CurrentTenantId), filter);
        Assert.DoesNotContain(Guid.Empty.ToString(), filter);
    }

    [Fact]
    public void No_source_file_turns_off_every_query_filter_at_once()
    {
        var offenders = Repository.Sources("services").Concat(Repository.Sources("gateway"))
            .Where(file => File.ReadAllText(file).Contains("IgnoreQueryFilters()")).ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void No_service_pools_its_tenant_DbContexts()
    {
        var offenders = Repository.Sources("services").Where(file => File.ReadAllText(file).Contains("AddDbContextPool")).ToList();
        Assert.Empty(offenders);
    }

    private static IEntityType EntityType(string entity) =>
        Models[int.Parse(entity.Split('|')[0])].GetEntityTypes().Single(e => e.ClrType.FullName == entity.Split('|')[1]);

    private static IModel ModelOf<TDb>(Func<DbContextOptions<TDb>, TDb> create) where TDb : DbContext
    {
        using var db = create(new DbContextOptionsBuilder<TDb>().UseServiceConventionsFor("Host=127.0.0.1").Options);
        return db.Model;
    }
}
