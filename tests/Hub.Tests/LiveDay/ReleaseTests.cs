using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>The build a node runs, as kiosks and displays compare it with the build that served them (self-update.js).</summary>
public sealed partial class ReleaseTests : AppTest
{
    [Fact]
    public async Task Release_IsTheBuildThatServesTheKioskAndDisplay_AndIsNeverCached()
    {
        var response = await Http.GetAsync("/api/release");
        response.EnsureSuccessStatusCode();
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var id = (await response.Content.ReadFromJsonAsync<ReleaseBody>())!.Id;
        Assert.Matches("^[0-9a-f]{12}$", id);

        using var kiosk = await App.KioskClientAsync(); // a paired kiosk; the display needs no pairing
        foreach (var (page, http) in new[] { ("/display", Http), ("/kiosk", kiosk) })
        {
            var html = await http.GetStringAsync(page);
            Assert.Equal(id, ReleaseMeta().Match(html).Groups[1].Value);
            Assert.Contains("/js/self-update.js", html, StringComparison.Ordinal);
        }
    }

    sealed record ReleaseBody(string Id);

    [GeneratedRegex("<meta name=\"rantevou-release\" content=\"([^\"]*)\">")]
    private static partial Regex ReleaseMeta();
}
