extern alias GatewayService;

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using GatewayService::RedesPlataforma.Gateway.Bff;

namespace RedesPlataforma.Gateway.FunctionalTests;

/// <summary>
/// What a browser does in the portal's sign-in, step by step through the gateway: cookies kept by path, every redirect
/// followed by hand (so each step can be checked), every response body under /bff and /connect kept to look for tokens.
/// </summary>
public sealed partial class PortalBrowser(HttpClient client, CookieContainer cookies)
{
    private static readonly Uri Origin = new("http://localhost/");

    public HttpClient Client { get; } = client;
    public List<string> PortalBodies { get; } = [];

    public bool HasSession => cookies.GetCookies(Origin)[PortalSession.CookieName] is { Expired: false, Value.Length: > 0 };

    /// <summary>Every cookie this browser would send to the portal's pages, as one Cookie header (to replay it elsewhere).</summary>
    public string CookieHeader => cookies.GetCookieHeader(Origin);

    /// <summary>The whole journey: /bff/login → authorize → sign-in page → credentials posted to authorize → callback.
    /// Returns the callback's response: its Location is where the portal lands.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string returnUrl = "/", string? lang = null)
    {
        var page = await OpenSignInPageAsync(returnUrl, lang);
        var authorized = await SubmitAsync(page, email, password);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        Assert.StartsWith("http://localhost/bff/callback?", authorized.Headers.Location!.ToString());
        return await GetAsync(authorized.Headers.Location!.ToString());
    }

    /// <summary>/bff/login → /connect/authorize → /connect/login: the sign-in page's response.</summary>
    public async Task<HttpResponseMessage> OpenSignInPageAsync(string returnUrl = "/", string? lang = null)
    {
        var login = await GetAsync($"/bff/login?returnUrl={Uri.EscapeDataString(returnUrl)}{(lang is null ? "" : "&lang=" + lang)}");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var authorize = await GetAsync(login.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.StartsWith("/connect/login?", authorize.Headers.Location!.OriginalString);
        var page = await GetAsync(authorize.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return page;
    }

    /// <summary>Posts the sign-in form of <paramref name="page"/> to /connect/authorize as a browser would (hidden fields included).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpResponseMessage page, string email, string password)
    {
        var html = await page.Content.ReadAsStringAsync();
        var fields = HiddenFieldsOf(html);
        fields["email"] = email;
        fields["password"] = password;
        var response = await Client.PostAsync("/connect/authorize", new FormUrlEncodedContent(fields));
        await KeepAsync("/connect/authorize", response);
        return response;
    }

    /// <summary>The hidden fields of a page's form: the antiforgery token and the authorization request's parameters.</summary>
    public static Dictionary<string, string> HiddenFieldsOf(string html) =>
        HiddenField().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        await KeepAsync(url, response);
        return response;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        var response = await Client.SendAsync(request);
        await KeepAsync(request.RequestUri!.ToString(), response);
        return response;
    }

    /// <summary>The tokens inside the session cookie, opened with the gateway's own keys as the gateway does.</summary>
    public SessionTokens Tokens(GatewayApp app, string? cookieHeader = null)
    {
        var options = app.GatewayServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(PortalSession.Scheme);
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = cookieHeader ?? CookieHeader;
        var value = options.CookieManager.GetRequestCookie(context, PortalSession.CookieName);
        return PortalSession.TokensOf(options.TicketDataFormat.Unprotect(value)?.Properties)
            ?? throw new InvalidOperationException("No readable session cookie.");
    }

    private async Task KeepAsync(string url, HttpResponseMessage response)
    {
        var path = url.StartsWith('/') ? url : new Uri(url).AbsolutePath;
        if (path.StartsWith("/bff", StringComparison.Ordinal) || path.StartsWith("/connect", StringComparison.Ordinal))
            PortalBodies.Add(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenField();
}
