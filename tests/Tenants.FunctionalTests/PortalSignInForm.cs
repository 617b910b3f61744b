using System.Net;
using System.Text.RegularExpressions;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

/// <summary>
/// The portal's sign-in as a browser without script goes through it at the token server: the authorization request
/// (code + PKCE), the sign-in page, then each step's form posted with its hidden fields.
/// </summary>
public sealed partial class PortalSignInForm
{
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private readonly HttpClient _client;

    private PortalSignInForm(HttpClient client, string html) => (_client, Html) = (client, html);

    /// <summary>The page the last answer showed (the form to post next).</summary>
    public string Html { get; private set; }

    public static async Task<PortalSignInForm> OpenAsync(TenantsApp app)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var authorize = await client.GetAsync(
            "/connect/authorize?client_id=redes-portal&response_type=code&scope=offline_access&state=s" +
            $"&redirect_uri={Uri.EscapeDataString(TenantsApp.PortalRedirectUri)}&code_challenge={Challenge}&code_challenge_method=S256");
        var page = await client.GetAsync(authorize.Headers.Location);
        return new PortalSignInForm(client, await page.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the shown form with <paramref name="fields"/>; the answer is a page (kept in <see cref="Html"/>) or the redirect with the code.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(params (string Name, string Value)[] fields)
    {
        var hidden = HiddenInput().Matches(Html).Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)));
        var response = await _client.PostAsync("/connect/authorize",
            new FormUrlEncodedContent(hidden.Concat(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)))));
        if (response.StatusCode != HttpStatusCode.Found) Html = await response.Content.ReadAsStringAsync();
        return response;
    }

    /// <summary>The browser's back button: an earlier page's form is shown again, to be posted a second time.</summary>
    public void GoBackTo(string html) => Html = html;

    public Task<HttpResponseMessage> SignInAsync(string email, string password) => SubmitAsync(("email", email), ("password", password));

    /// <summary>The authenticator key the enrolment page shows.</summary>
    public string SharedKey => WebUtility.HtmlDecode(Key().Match(Html).Groups[1].Value);

    public IReadOnlyList<string> RecoveryCodes => [.. ListItem().Matches(Html).Select(m => m.Groups[1].Value)];

    public static bool IsCodeIssued(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Found && response.Headers.Location!.OriginalString.StartsWith(TenantsApp.PortalRedirectUri + "?code=");

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<span class=\"key\">([^<]*)</span>")]
    private static partial Regex Key();

    [GeneratedRegex("<li>([^<]*)</li>")]
    private static partial Regex ListItem();
}
