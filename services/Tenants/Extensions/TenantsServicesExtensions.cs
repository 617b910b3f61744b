using RedesPlataforma.BuildingBlocks.Idempotency;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Audit;
using RedesPlataforma.Tenants.Identity;
using RedesPlataforma.Tenants.Infrastructure;
using RedesPlataforma.Tenants.IntegrationEvents;
using RedesPlataforma.Tenants.Mail;
using RedesPlataforma.Tenants.Onboarding;

namespace RedesPlataforma.Tenants.Extensions;

public static class TenantsServicesExtensions
{
    public static IHostApplicationBuilder AddTenantsServices(this IHostApplicationBuilder builder)
    {
        // Here, not in the building blocks: the validation source generator only sees request types
        // of the assembly that calls AddValidation.
        builder.Services.AddValidation();
        builder.AddServiceDatabase<TenantsDb>();
        builder.AddIdempotency<TenantsDb>();            // Idempotency-Key on writes, kept in the same database
        builder.AddMessaging<TenantsDb>("tenants", bus => bus.AddConsumer<ReadModelRebuildConsumer>());
        builder.AddPlatformIdentity();
        builder.Services.AddOpenIddict().AddServer(server => server.AddEventHandler(LocaleClaim.Descriptor));
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<TenantOnboarding>();
        builder.Services.AddHostedService<NationalUnitBootstrap>();
        builder.AddAnonymousRateLimits();
        builder.AddAccountTokens();
        builder.AddMail();
        builder.Services.AddScoped<AccountEmails>();
        return builder;
    }
}
