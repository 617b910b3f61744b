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
    /// For every <see cref="ITenantOwned"/> entity: a required tenant_id column, tenant_id leading every unique index,
    /// an index on tenant_id unless a key or index already leads with it, and the named filter <c>e.TenantId == context.CurrentTenantId</c>.
    /// Call last in OnModelCreating, after the entity configurations.
    /// </summary>
    public static ModelBuilder ApplyTenantConventions<TContext>(this ModelBuilder modelBuilder, TContext context)
        where TContext : DbContext, ITenantDbContext
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(IsTenantOwned).ToList())
        {
            var builder = modelBuilder.Entity(entityType.ClrType);
            builder.Property(nameof(ITenantOwned.TenantId)).HasColumnName(TenantColumn).IsRequired();
            LeadUniqueIndexesWithTenant(entityType);
            if (!HasTenantLeadingKeyOrIndex(entityType)) builder.HasIndex(nameof(ITenantOwned.TenantId));
            builder.HasQueryFilter(FilterName, TenantFilter(entityType.ClrType, context));
        }
        return modelBuilder;
    }

    public static bool IsTenantOwned(IReadOnlyEntityType entityType) =>
        typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) && !entityType.IsOwned();

    /// <summary>
    /// A key or index whose first column is tenant_id already serves "this tenant's rows"; a separate (tenant_id)
    /// index would only cost every insert (about 10 % on the producer import) and never be chosen over it.
    /// </summary>
    private static bool HasTenantLeadingKeyOrIndex(IMutableEntityType entityType)
    {
        var tenantProperty = entityType.FindProperty(nameof(ITenantOwned.TenantId));
        return entityType.GetKeys().Select(k => k.Properties).Concat(entityType.GetIndexes().Select(i => i.Properties))
            .Any(columns => columns[0] == tenantProperty);
    }

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
