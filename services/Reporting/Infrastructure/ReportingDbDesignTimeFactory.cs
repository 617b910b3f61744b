using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Reporting.Infrastructure;

sealed class ReportingDbDesignTimeFactory() : ServiceDbDesignTimeFactory<ReportingDb>((options, tenant) => new(options, tenant));
