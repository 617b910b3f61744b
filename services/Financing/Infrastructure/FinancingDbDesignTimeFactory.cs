using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Financing.Infrastructure;

sealed class FinancingDbDesignTimeFactory() : ServiceDbDesignTimeFactory<FinancingDb>((options, tenant) => new(options, tenant));
