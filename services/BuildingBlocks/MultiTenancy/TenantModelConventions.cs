using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

public static class TenantModelConventions
{
    /// <summary>The name of the tenant query filter. Turn it off only by name: the parameterless overload would drop every filter at once.</summary>
    public const string FilterName = "Tenant";

    public const string TenantColumn = "tenant_id";

    /// <summary>
    /// For every <see cref="ITenantOwned"/> entity: a required tenant_id column, an index on it, tenant_id leading
    /// every unique index, and the named filter <c>e.TenantId == context.CurrentTenantId</c>.
    /// Call last in OnModelCreating, after the entity configurations.
    /// </summary>
    public static ModelBuilder ApplyTenantConventions<TContext>(this ModelBuilder modelBuilder, TContext context)
        where TContext : DbContext, ITenantDbContext
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(IsTenantOwned).ToList())
        {
            var builder = modelBuilder.Entity(entityType.ClrType);
            builder.Property(nameof(ITenantOwned.TenantId)).HasColumnName(TenantColumn).IsRequired();
            builder.HasIndex(nameof(ITenantOwned.TenantId));
            LeadUniqueIndexesWithTenant(entityType);
            builder.HasQueryFilter(FilterName, TenantFilter(entityType.ClrType, context));
        }
        return modelBuilder;
    }

    public static bool IsTenantOwned(IReadOnlyEntityType entityType) =>
        typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) && !entityType.IsOwned();

    private static void LeadUniqueIndexesWithTenant(IMutableEntityType entityType)
    {
        var tenantProperty = entityType.FindProperty(nameof(ITenantOwned.TenantId))!;
        foreach (var index in entityType.GetDeclaredIndexes().Where(i => i.IsUnique && !i.Properties.Contains(tenantProperty)).ToList())
        {
            var properties = new[] { tenantProperty }.Concat(index.Properties).ToList();
            var name = index.Name;
            var filter = index.GetFilter();
            entityType.RemoveIndex(index);
            var replacement = name is null ? entityType.AddIndex(properties) : entityType.AddIndex(properties, name);
            replacement.IsUnique = true;
            replacement.SetFilter(filter);
        }
    }

    // e => e.TenantId == context.CurrentTenantId, with the context as a constant EF swaps for the executing instance.
    private static LambdaExpression TenantFilter(Type entityClrType, DbContext context)
    {
        var entity = Expression.Parameter(entityClrType, "e");
        var tenantId = Expression.Convert(Expression.Property(entity, nameof(ITenantOwned.TenantId)), typeof(Guid?));
        var current = Expression.Property(Expression.Constant(context, context.GetType()), nameof(ITenantDbContext.CurrentTenantId));
        return Expression.Lambda(Expression.Equal(tenantId, current), entity);
    }
}
