using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Tenants.Infrastructure;
using RedesPlataforma.Testing;

namespace RedesPlataforma.BuildingBlocks.Tests;

/// <summary>The tenant conventions, checked on a real service model so a new entity cannot slip past them.</summary>
public sealed class TenantModelTests
{
    private static readonly IModel Model = CreateModel();

    public static TheoryData<string> TenantOwnedEntities() =>
        [.. Model.GetEntityTypes().Where(TenantModelConventions.IsTenantOwned).Select(e => e.ClrType.Name)];

    [Theory]
    [MemberData(nameof(TenantOwnedEntities))]
    public void Every_tenant_owned_entity_has_the_named_tenant_filter_and_a_required_tenant_column(string entity)
    {
        var type = Model.GetEntityTypes().Single(e => e.ClrType.Name == entity);
        Assert.NotNull(type.FindDeclaredQueryFilter(TenantModelConventions.FilterName));
        var column = type.FindProperty(nameof(ITenantOwned.TenantId))!;
        Assert.False(column.IsNullable);
        Assert.Equal(TenantModelConventions.TenantColumn, column.GetColumnName());
    }

    [Theory]
    [MemberData(nameof(TenantOwnedEntities))]
    public void Every_unique_index_and_foreign_key_of_a_tenant_owned_entity_includes_the_tenant(string entity)
    {
        var type = Model.GetEntityTypes().Single(e => e.ClrType.Name == entity);
        Assert.All(type.GetIndexes().Where(i => i.IsUnique), index => Assert.Equal(nameof(ITenantOwned.TenantId), index.Properties[0].Name));
        Assert.All(type.GetForeignKeys().Where(fk => TenantModelConventions.IsTenantOwned(fk.PrincipalEntityType)),
            fk => Assert.Contains(fk.Properties, p => p.Name == nameof(ITenantOwned.TenantId)));
    }

    [Fact]
    public void The_filter_reads_the_contexts_tenant_rather_than_a_value_captured_when_the_model_was_built()
    {
        var filter = Model.FindEntityType(typeof(Tenants.Model.StaffMember))!.FindDeclaredQueryFilter(TenantModelConventions.FilterName)!.Expression!.ToString();
        Assert.Contains(nameof(ITenantDbContext.CurrentTenantId), filter);
        Assert.DoesNotContain(Guid.Empty.ToString(), filter);
    }

    [Fact]
    public void No_source_file_turns_off_every_query_filter_at_once()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(LocalInfrastructure.RepositoryRoot, "services"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(LocalInfrastructure.RepositoryRoot, "gateway"), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && File.ReadAllText(file).Contains("IgnoreQueryFilters()"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void No_service_pools_its_tenant_DbContexts()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(LocalInfrastructure.RepositoryRoot, "services"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && File.ReadAllText(file).Contains("AddDbContextPool"))
            .ToList();
        Assert.Empty(offenders);
    }

    private static IModel CreateModel()
    {
        var options = new DbContextOptionsBuilder<TenantsDb>().UseServiceConventionsFor("Host=127.0.0.1").Options;
        using var db = new TenantsDb(options, new CurrentTenant());
        return db.Model;
    }
}
