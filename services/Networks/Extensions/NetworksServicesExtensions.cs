using Microsoft.Extensions.Options;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Idempotency;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.BuildingBlocks.Security.Revocation;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.IntegrationEvents;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Producers.Import;
using RedesPlataforma.Networks.Specialists;

namespace RedesPlataforma.Networks.Extensions;

public static class NetworksServicesExtensions
{
    public static IHostApplicationBuilder AddNetworksServices(this IHostApplicationBuilder builder)
    {
        // Here, not in the building blocks: the validation source generator only sees request types
        // of the assembly that calls AddValidation.
        builder.Services.AddValidation();
        builder.AddPlatformJwtAuthentication();
        builder.AddServiceDatabase<NetworksDb>();
        builder.AddAccessRevocation();                   // after the database: its migrations create the table the list is read from
        builder.AddIdempotency<NetworksDb>();            // Idempotency-Key on writes, kept in the same database
        builder.AddMessaging<NetworksDb>("networks", bus =>
        {
            bus.AddAccessRevocationConsumer();
            bus.AddSpecialistConsumers();
            bus.AddConsumer<TenantStateRepublishConsumer>();
        });
        builder.Services.AddScoped<ProducerImport>();
        builder.Services.AddPersonalDataReads<NetworksDb>();
        // No environment runs without the key: an event without the hash would undercount people nationally for good.
        builder.Services.AddOptions<DniHashOptions>().BindConfiguration(DniHashOptions.Section)
            .Validate(o => o.Problem() is null, "The DNI hash key is missing or invalid: set Producers:DniHashCurrent and Producers:DniHashKeys:<version> (base64 of 32 random bytes), see docs/decisions/0026.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => DniHasher.From(sp.GetRequiredService<IOptions<DniHashOptions>>().Value));
        return builder;
    }
}
