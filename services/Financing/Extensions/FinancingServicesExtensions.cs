using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Idempotency;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.BuildingBlocks.Security.Revocation;
using RedesPlataforma.Financing.Infrastructure;
using RedesPlataforma.Financing.IntegrationEvents;
using RedesPlataforma.Financing.Networks;

namespace RedesPlataforma.Financing.Extensions;

public static class FinancingServicesExtensions
{
    public static IHostApplicationBuilder AddFinancingServices(this IHostApplicationBuilder builder)
    {
        // Here, not in the building blocks: the validation source generator only sees request types
        // of the assembly that calls AddValidation.
        builder.Services.AddValidation();
        builder.AddPlatformJwtAuthentication();
        builder.AddServiceDatabase<FinancingDb>();
        builder.AddAccessRevocation();                   // after the database: its migrations create the table the list is read from
        builder.AddIdempotency<FinancingDb>();            // Idempotency-Key on writes, kept in the same database
        builder.Services.AddPersonalDataReads<FinancingDb>();
        builder.AddMessaging<FinancingDb>("financing", bus =>
        {
            bus.AddAccessRevocationConsumer();
            bus.AddNetworkConsumers();
            bus.AddConsumer<RebuildConsumer>();
        });
        return builder;
    }
}
