using System.Threading.RateLimiting;
using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.Tenants.Extensions;

/// <summary>
/// The anonymous forms (applying to join, looking an application up, invitations and password resets) get a
/// per-address window each, so none can be flooded or used to guess tokens and RUCs at speed.
/// </summary>
public static class AnonymousRateLimits
{
    public const string Onboarding = "onboarding";
    public const string Account = "account";

    public static IHostApplicationBuilder AddAnonymousRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectWithProblem();
            limiter.AddPolicy(Onboarding, context => PerAddress(context, builder.Configuration.GetValue("RateLimits:OnboardingPerMinute", 10)));
            limiter.AddPolicy(Account, context => PerAddress(context, builder.Configuration.GetValue("RateLimits:AccountPerMinute", 10)));
        });
        return builder;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int perMinute) => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });
}
