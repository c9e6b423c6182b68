using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rantevou.Contracts.Queue;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Abuse;

public sealed class RateLimitTests : IDisposable
{
    readonly RantevouApp app = new();

    public RateLimitTests()
    {
        app.Settings["Rantevou:RateLimits:BookingPerMinute"] = "5";
        app.Settings["Rantevou:RateLimits:LoginPerMinute"] = "3";
        app.Settings["Rantevou:RateLimits:KioskPerMinute"] = "4";
    }

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task BookingBurst_OverTheLimit_IsRefusedWith429InTheRequestsLanguage()
    {
        var http = app.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            http.PostAsJsonAsync("/api/bookings?culture=en", new { serviceId = 1 })));
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(7, refused.Count);
        Assert.All(answers.Except(refused), a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        var problem = await refused[0].Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("TooManyRequests", problem.GetProperty("code").GetString());
        Assert.StartsWith("Too many requests", problem.GetProperty("title").GetString());
        Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task LoginBurst_OverTheLimit_IsRefusedWith429InGreek()
    {
        var http = app.CreateClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
            answers.Add(await http.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.org", password = "wrong" }));
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        var problem = await answers[^1].Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("Πάρα πολλά", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task KioskBurst_OverTheLimit_IsRefused_AndTheLimitHoldsUnderConcurrency()
    {
        var http = await app.KioskClientAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            http.PostAsJsonAsync("/api/kiosk/checkin", new CheckInRequest("garbage"))));
        Assert.Equal(4, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(16, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
    }
}
