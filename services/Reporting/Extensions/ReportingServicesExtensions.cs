using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.BuildingBlocks.Security.Revocation;
using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Dashboard;
using RedesPlataforma.Reporting.Financing;
using RedesPlataforma.Reporting.Infrastructure;
using RedesPlataforma.Reporting.National;
using RedesPlataforma.Reporting.Networks;
using RedesPlataforma.Reporting.Producers;
using RedesPlataforma.Reporting.Projections;
using RedesPlataforma.Reporting.Suppression;
using RedesPlataforma.Reporting.Tenants;

namespace RedesPlataforma.Reporting.Extensions;

public static class ReportingServicesExtensions
{
    public static IHostApplicationBuilder AddReportingServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformJwtAuthentication();
        builder.AddServiceDatabase<ReportingDb>();
        builder.AddAccessRevocation();                   // after the database: its migrations create the table the list is read from
        builder.AddMessaging<ReportingDb>("reporting", bus =>
        {
            bus.AddAccessRevocationConsumer();
            bus.AddConsumer<InstitutionProjection>();
            bus.AddConsumer<StaffProjection>();
            bus.AddConsumer<ProducerProjection>();
            bus.AddConsumer<NetworkProjection>();
            bus.AddConsumer<MonitoringProjection>();
            bus.AddConsumer<ProgrammeProjection>();
            bus.AddConsumer<FinancingProjection>();
        });
        builder.AddNationalReads();
        builder.Services.AddScoped<ReadModelWriter>();
        builder.Services.AddPersonalDataReads<ReportingDb>();
        builder.Services.AddScoped<TenantReports>();
        return builder;
    }

    /// <summary>
    /// What the national figures are read with (after <c>AddServiceDatabase&lt;ReportingDb&gt;</c>): the cells' SQL from
    /// the EF mapping, read once; the national session's own data source, made as every service's is; the suppression
    /// thresholds; the reports. bench/Reporting.Bench hosts the same, so it measures what the service runs.
    /// </summary>
    public static IHostApplicationBuilder AddNationalReads(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            using var scope = sp.CreateScope();
            return new CellCatalog(scope.ServiceProvider.GetRequiredService<ReportingDb>().Model);
        });
        builder.Services.AddSingleton(sp => new NationalCells(ServiceDataSource.Create(ReadModelAccess.NationalConnectionString(
            DatabaseExtensions.RequiredConnectionString(sp.GetRequiredService<IConfiguration>(), DatabaseExtensions.ConnectionName)))));
        builder.Services.AddOptions<SuppressionOptions>().BindConfiguration(SuppressionOptions.Section)
            .Validate(o => o.MinProducers >= 0 && o.MinNetworks >= 0, "Suppression thresholds cannot be negative.").ValidateOnStart();
        builder.Services.AddScoped<NationalReports>();
        return builder;
    }
}
