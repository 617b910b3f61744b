using Microsoft.Extensions.Primitives;
using Scalar.AspNetCore;

namespace RedesPlataforma.Gateway.Security;

/// <summary>
/// Security headers on every response, proxied or not. The CSP allows only same-origin resources; the Scalar page
/// additionally runs its inline bootstrap script by a per-request nonce (Scalar's WithNonce()) and needs inline
/// styles, data: images and fonts. HSTS is sent only on HTTPS requests. A proxied service's own policy is kept too.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string DefaultPolicy =
        "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; img-src 'self' data:";

    public const string HstsValue = "max-age=31536000; includeSubDomains";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // A service's own policy (evidence files: sandbox) stays beside the gateway's; browsers enforce both, so a
            // service can only tighten what the gateway allows.
            var upstream = headers.ContentSecurityPolicy;
            headers.ContentSecurityPolicy = upstream.Count > 0 ? StringValues.Concat(upstream, PolicyFor(context)) : PolicyFor(context);
            if (context.Request.IsHttps) headers.StrictTransportSecurity = HstsValue;
            else headers.Remove("Strict-Transport-Security");
            return Task.CompletedTask;
        });
        return next(context);
    }

    public static string PolicyFor(HttpContext context) =>
        context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) && nonce is string value
            ? "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; " +
              $"script-src 'self' 'nonce-{value}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
              "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:"
            : DefaultPolicy;
}

public static class SecurityHeadersExtensions
{
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }
}
