using Microsoft.AspNetCore.Identity;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Tenants.Accounts;

namespace RedesPlataforma.Tenants.Identity;

/// <summary>
/// At start-up: the platform roles exist, and so does the first national-unit account when
/// Bootstrap:NationalUnit:Email and :Password are configured (from the environment or a secret store, never the repo).
/// </summary>
public sealed class NationalUnitBootstrap(IServiceProvider services, IConfiguration configuration, ILogger<NationalUnitBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in PlatformRoles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new AppRole(role));

        var section = configuration.GetSection("Bootstrap:NationalUnit");
        if (section["Email"] is not { Length: > 0 } email || section["Password"] is not { Length: > 0 } password) return;

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;

        var user = new AppUser { Id = Guid.CreateVersion7(), FullName = section["FullName"] ?? "Unidad Nacional de Articulación", UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Cannot create the bootstrap national-unit account: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, PlatformRoles.NationalUnit);
        logger.LogInformation("Created the bootstrap national-unit account {Email}", email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
