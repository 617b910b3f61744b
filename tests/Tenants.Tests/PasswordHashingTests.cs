using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Identity;

namespace RedesPlataforma.Tenants.Tests;

/// <summary>
/// The functional suites hash with fewer iterations to save CPU, so the count the service itself registers is
/// proved here, on the hasher its own registration resolves.
/// </summary>
public sealed class PasswordHashingTests
{
    [Fact]
    public void The_service_stores_password_hashes_made_with_210000_PBKDF2_iterations()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Identity:Issuer"] = "http://tenants.test/";
        builder.AddPlatformIdentity();
        using var services = builder.Services.BuildServiceProvider();
        var hasher = services.GetRequiredService<IPasswordHasher<AppUser>>();

        var hash = Convert.FromBase64String(hasher.HashPassword(new AppUser { FullName = "Rosa Quispe" }, "Clave-Segura-2026"));

        // Identity's version 3 format: a format marker, the PRF, then the iteration count, big-endian.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(210_000, BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(5, 4)));
    }
}
