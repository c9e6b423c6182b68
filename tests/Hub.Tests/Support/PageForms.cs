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
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields) =>
        PostFieldsAsync(client, url, fields.ToList());

    /// <summary>The same with repeated names, as a browser sends a checkbox after its hidden "false".</summary>
    public static async Task<HttpResponseMessage> PostFieldsAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields)
    {
        var get = await client.GetAsync(url.Split("?handler")[0]);
        var page = await get.Content.ReadAsStringAsync();
        Assert.True(get.StatusCode == HttpStatusCode.OK, page);
        var token = Token().Match(page).Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    /// <summary>
    /// Fills in the form of <paramref name="page"/> whose markup contains <paramref name="formContains"/> and submits it as a
    /// browser would; <paramref name="html"/> is the page as last shown (a form shown again with errors), else it is fetched.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string page, string formContains, Action<HtmlForm> fill,
        string? button = null, string? value = null, string? html = null)
    {
        var form = HtmlForm.Find(html ?? await client.GetStringAsync(page), formContains);
        fill(form);
        return await client.PostAsync(form.Action ?? page, new FormUrlEncodedContent(form.Submit(button, value)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
