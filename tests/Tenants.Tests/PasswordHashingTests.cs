using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Identity;

namespace RedesPlataforma.Tenants.Tests;

/// <summary>
/// The functional suites hash with fewer iterations to save CPU, so the count the service itself registers is
/// proved here, on real hashes made by the hasher its own registration resolves.
/// </summary>
public sealed class PasswordHashingTests
{
    [Fact]
    public void The_service_stores_password_hashes_made_with_210000_PBKDF2_iterations()
    {
        Assert.Equal(210_000, IterationsOfAHashMadeIn(Environments.Production));
    }

    [Fact]
    public void A_development_stack_may_hash_with_fewer_iterations()
    {
        Assert.Equal(1_000, IterationsOfAHashMadeIn(Environments.Development, lowered: "1000"));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_a_lowered_count_stops_the_service_at_start(string environment)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => IterationsOfAHashMadeIn(environment, lowered: "1000"));

        Assert.Contains("Identity:PasswordHashIterations", refusal.Message);
    }

    private static int IterationsOfAHashMadeIn(string environment, string? lowered = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration["Identity:Issuer"] = "http://tenants.test/";
        builder.Configuration["Identity:PasswordHashIterations"] = lowered;
        builder.AddPlatformIdentity();
        using var services = builder.Services.BuildServiceProvider();
        var hasher = services.GetRequiredService<IPasswordHasher<AppUser>>();

        var hash = Convert.FromBase64String(hasher.HashPassword(new AppUser { FullName = "Rosa Quispe" }, "Clave-Segura-2026"));

        // Identity's version 3 format: a format marker, the PRF, then the iteration count, big-endian.
        Assert.Equal(0x01, hash[0]);
        return BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(5, 4));
    }
}
