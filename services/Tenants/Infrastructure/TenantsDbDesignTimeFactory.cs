using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Tenants.Infrastructure;

sealed class TenantsDbDesignTimeFactory() : ServiceDbDesignTimeFactory<TenantsDb>((options, tenant) => new(options, tenant));
