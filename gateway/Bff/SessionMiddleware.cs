using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;
using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.Gateway.Bff;

/// <summary>
/// Turns the portal's session cookie into what the rest of the gateway understands, before authentication runs:
/// an unsafe method (POST, PUT, PATCH, DELETE) with the cookie, or to /bff, must carry X-CSRF: 1 (a header another site
/// cannot add without a CORS preflight the gateway never grants), else 403; an access token expiring within a minute
/// is refreshed first and the cookie re-issued; then the request carries Authorization: Bearer. A refresh the token
/// server refuses ends the session (cookie deleted, 401), and so does a 401 from the service the request went to.
/// Requests with their own Authorization header (scripts, API clients) are left alone, and so is the token server's own
/// /connect/* (its sign-in form has its own antiforgery token).
/// </summary>
public sealed class SessionMiddleware(RequestDelegate next, SessionRefresher refresher, TimeProvider clock, ILogger<SessionMiddleware> logger)
{
    public const string CsrfHeader = "X-CSRF";
    private static readonly TimeSpan RefreshBefore = TimeSpan.FromSeconds(60);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.Count > 0 || request.Path.StartsWithSegments("/connect"))
        {
            await next(context);
            return;
        }

        var hasCookie = request.Cookies.ContainsKey(PortalSession.CookieName);
        var toBff = request.Path.StartsWithSegments("/bff");
        if ((hasCookie || toBff) && IsUnsafe(request.Method) && request.Headers[CsrfHeader] != "1")
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "Falta la cabecera anti-falsificación / Anti-forgery header missing",
                detail: $"Las solicitudes que modifican datos con la sesión del portal llevan la cabecera {CsrfHeader}: 1. / Requests that change data with the portal's session carry the {CsrfHeader}: 1 header.")
                .ExecuteAsync(context);
            return;
        }

        if (!hasCookie || request.Path.StartsWithSegments("/bff/login") || request.Path.StartsWithSegments(BffApi.CallbackPath))
        {
            await next(context);
            return;
        }

        var tokens = PortalSession.TokensOf((await context.AuthenticateAsync(PortalSession.Scheme)).Properties);
        if (tokens is null)
        {
            // Unreadable (keys rotated away, tampered, expired): carry on as anonymous without it.
            await PortalSession.SignOutAsync(context);
            await next(context);
            return;
        }

        if (tokens.ExpiresAt - clock.GetUtcNow() < RefreshBefore && !request.Path.StartsWithSegments("/bff/logout"))
        {
            SessionTokens? refreshed;
            try
            {
                refreshed = await refresher.RefreshAsync(tokens, context.RequestAborted);
            }
            catch (HttpRequestException exception)
            {
                // The token server is down: the session may well be fine, so keep it and ask for a retry.
                logger.LogWarning(exception, "Could not refresh a portal session");
                await RetryLater.Problem(context.Response, StatusCodes.Status503ServiceUnavailable, TimeSpan.FromSeconds(5),
                    "Servicio de autenticación no disponible / Sign-in service unavailable",
                    _ => "No se pudo renovar la sesión; reintente en breve. / The session could not be renewed; try again shortly.")
                    .ExecuteAsync(context);
                return;
            }
            if (refreshed is null)
            {
                await PortalSession.SignOutAsync(context);
                await BffApi.NoSession().ExecuteAsync(context);
                return;
            }
            await PortalSession.SignInAsync(context, refreshed);
            tokens = refreshed;
        }

        context.Features.Set(new PortalSessionFeature(tokens));
        if (!toBff)
        {
            request.Headers.Authorization = $"Bearer {tokens.AccessToken}";
            // A service refusing the session's token means its access was revoked (docs/decisions/0017): the session ends here too.
            context.Response.OnStarting(() => context.Response.StatusCode == StatusCodes.Status401Unauthorized ? PortalSession.SignOutAsync(context) : Task.CompletedTask);
        }
        await next(context);
    }

    private static bool IsUnsafe(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
}
