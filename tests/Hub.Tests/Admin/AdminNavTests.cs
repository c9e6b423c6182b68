using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>The admin menu leads to every admin page (partner accounts R8, audit log R12 included), and every admin page shows it.</summary>
public sealed partial class AdminNavTests : IAsyncLifetime
{
    readonly RantevouApp app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("")]
    [InlineData("?culture=en")]
    public async Task EveryAdminPage_IsInTheMenu_OrOneClickFromAPageInIt(string culture)
    {
        // The directorate's administrator, whose menu also has the offices page.
        var admin = await PageForms.SignInAsync(app, "directorate@example.org");
        var pages = AdminPages();
        Assert.Contains("/admin/agents", pages);
        Assert.Contains("/admin/audit", pages);

        var menu = Menu(await OpenAsync(admin, "/admin" + culture));
        var reached = new HashSet<string>(menu);
        foreach (var top in pages.Where(p => p.Count(c => c == '/') <= 2))
        {
            var html = await OpenAsync(admin, top + culture);
            // Every top-level admin page carries the same menu, in the page's language.
            Assert.Equal(menu, Menu(html));
            Assert.Contains(culture == "" ? "Λογαριασμοί συνεργατών" : "Partner accounts", MenuHtml().Match(html).Value, StringComparison.Ordinal);
            foreach (Match link in Links().Matches(html))
                reached.Add(link.Groups[1].Value);
        }

        Assert.All(pages.Where(p => p.Count(c => c == '/') <= 2), p => Assert.Contains(p, menu));
        Assert.All(pages, p => Assert.Contains(p, reached));
    }

    /// <summary>The admin pages the app maps, without route parameters (a service's own page is opened from the list).</summary>
    List<string> AdminPages() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
        .Where(p => (p == "/admin" || p.StartsWith("/admin/", StringComparison.Ordinal)) && !p.Contains('{'))
        .Distinct().Order(StringComparer.Ordinal).ToList();

    static async Task<string> OpenAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return html;
    }

    static List<string> Menu(string html)
    {
        var nav = MenuHtml().Match(html);
        Assert.True(nav.Success, "no admin menu");
        return Links().Matches(nav.Value).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex("<nav class=\"admin-nav\"[\\s\\S]*?</nav>")]
    private static partial Regex MenuHtml();

    [GeneratedRegex("href=\"(/admin[^\"?#]*)")]
    private static partial Regex Links();
}
