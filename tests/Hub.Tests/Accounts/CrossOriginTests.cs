using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Rantevou.Contracts.Queue;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Accounts;

/// <summary>
/// A clerk signed in by cookie cannot be made to act by a page of another origin on the same site (another port or
/// subdomain, which the cookie's SameSite=Lax lets through): the desk action is refused and nothing changes.
/// </summary>
public sealed class CrossOriginTests : LiveDayTest
{
    [Theory]
    [InlineData("Origin", "http://localhost:8081", "en")]
    [InlineData("Origin", "http://evil.localhost", "el")]
    [InlineData("Origin", "null", "en")]
    [InlineData("Sec-Fetch-Site", "same-site", "el")]
    [InlineData("Sec-Fetch-Site", "cross-site", "en")]
    public async Task CookieSignedInDeskAction_FromAnotherOrigin_Is403_AndCallsNobody(string header, string value, string language)
    {
        await OnlyDesksAsync(1);
        var desk = await DeskIdAsync(1);
        At(9, 0);
        var ticket = await WalkInAsync(await ServiceAsync("Replace old paper licence"));
        var clerk = await PageForms.SignInAsync(App, "clerk1@example.org");
        var before = await StateAsync();

        var forged = new HttpRequestMessage(HttpMethod.Post, $"/api/desks/{desk}/call-next?culture={language}");
        forged.Headers.TryAddWithoutValidation(header, value);
        await ProblemAssert.IsAsync(await clerk.SendAsync(forged), HttpStatusCode.Forbidden, "CrossOrigin", language);
        Assert.Equal(before, await StateAsync());

        // The clerk's own screen (same origin, as the browser says) still calls the ticket.
        var own = new HttpRequestMessage(HttpMethod.Post, $"/api/desks/{desk}/call-next");
        own.Headers.TryAddWithoutValidation("Origin", "http://localhost");
        own.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        var called = await clerk.SendAsync(own);
        Assert.Equal(HttpStatusCode.OK, called.StatusCode);
        Assert.Contains(ticket.Ticket, await called.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BearerSignedInDeskAction_IsNotAmbient_SoAnyOriginHeaderIsAccepted()
    {
        await OnlyDesksAsync(1);
        var desk = await DeskIdAsync(1);
        At(9, 0);
        await WalkInAsync(await ServiceAsync("Replace old paper licence"));
        var clerk = await ClerkAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/desks/{desk}/call-next");
        request.Headers.TryAddWithoutValidation("Origin", "http://elsewhere.example");
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task CookieSignedInHubSocket_FromAnotherOrigin_IsRefused_FromItsOwnOriginOpens()
    {
        var cookies = new CookieContainer();
        var browser = App.CreateDefaultClient(new CookieContainerHandler(cookies));
        var signedIn = await PageForms.PostFormAsync(browser, "/account/login",
            new() { ["Email"] = "clerk1@example.org", ["Password"] = PageForms.DemoPassword, ["ReturnUrl"] = "/" });
        Assert.True(signedIn.IsSuccessStatusCode || signedIn.StatusCode == HttpStatusCode.Redirect);
        var cookie = cookies.GetCookieHeader(App.Server.BaseAddress);
        Assert.Contains("rantevou.auth", cookie, StringComparison.Ordinal);
        var hub = new Uri($"ws://localhost{HubPaths.Queue}");

        var foreign = App.Server.CreateWebSocketClient();
        foreign.ConfigureRequest = r => { r.Headers.Cookie = cookie; r.Headers.Origin = "http://localhost:8081"; };
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => foreign.ConnectAsync(hub, CancellationToken.None));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);

        var own = App.Server.CreateWebSocketClient();
        own.ConfigureRequest = r => { r.Headers.Cookie = cookie; r.Headers.Origin = "http://localhost"; };
        using var socket = await own.ConnectAsync(hub, CancellationToken.None);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.State);
    }
}
