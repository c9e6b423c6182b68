using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Rantevou.Hub.Tests.Support;

/// <summary>Razor page forms driven as a browser would: cookie sign-in, and posts carrying the page's antiforgery token.</summary>
public static partial class PageForms
{
    public const string DemoPassword = "Demo!2026";

    /// <summary>A cookie client signed in through /account/login; it does not follow redirects, so tests see the 302s.</summary>
    public static async Task<HttpClient> SignInAsync(RantevouApp app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signedIn = await PostFormAsync(client, "/account/login", new() { ["Email"] = email, ["Password"] = DemoPassword, ["ReturnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    /// <summary>Posts a form as a browser would: with the antiforgery token from the page itself.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var get = await client.GetAsync(url.Split("?handler")[0]);
        var page = await get.Content.ReadAsStringAsync();
        Assert.True(get.StatusCode == HttpStatusCode.OK, page);
        fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
