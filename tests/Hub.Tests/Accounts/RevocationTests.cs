using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Accounts;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Accounts;

/// <summary>
/// Disabling an account, locking it out, changing its password and "sign out everywhere" refuse its
/// existing bearer tokens and cookies on their very next request.
/// </summary>
public sealed class RevocationTests : IAsyncLifetime
{
    const string Email = "clerk1@example.org";
    readonly RantevouApp app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Disable_RefusesBearerAndCookie_OnTheNextRequest_AndSignInAfter()
    {
        var (bearer, cookie) = await SignedInBothWaysAsync();

        await WithUserAsync(async (users, user) =>
        {
            user.Disabled = true;
            await users.UpdateAsync(user);
        });

        await AssertRefusedAsync(bearer, cookie);
        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = Email, password = PageForms.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task Lockout_RefusesBearerAndCookie_OnTheNextRequest_AndAfterItEnds()
    {
        var (bearer, cookie) = await SignedInBothWaysAsync();

        await WithUserAsync(async (users, user) =>
        {
            // As many failures as the lockout needs, whatever its threshold.
            for (var i = 0; i < 1000 && !await users.IsLockedOutAsync(user); i++)
                await users.AccessFailedAsync(user);
            Assert.True(await users.IsLockedOutAsync(user));
        });
        await AssertRefusedAsync(bearer, cookie);

        // The lockout ends; the sign-ins made before it stay revoked (the lockout changed the security stamp).
        await WithUserAsync(async (users, user) => await users.SetLockoutEndDateAsync(user, null));
        await AssertRefusedAsync(bearer, cookie);
    }

    [Fact]
    public async Task PasswordChange_RefusesEveryEarlierToken_AndTheNewPasswordSignsIn()
    {
        var (bearer, cookie) = await SignedInBothWaysAsync();
        var other = await BearerAsync(PageForms.DemoPassword);

        var wrong = await other.PostAsJsonAsync("/api/account/password", new { currentPassword = "Wrong!2026x", newPassword = "Nέος!Κωδ1κός" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True(await HasFieldErrorAsync(wrong, "currentPassword"));
        var weak = await other.PostAsJsonAsync("/api/account/password", new { currentPassword = PageForms.DemoPassword, newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);

        var changed = await other.PostAsJsonAsync("/api/account/password", new { currentPassword = PageForms.DemoPassword, newPassword = "Changed!2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        await AssertRefusedAsync(bearer, cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/desks/1/day")).StatusCode);
        var fresh = await BearerAsync("Changed!2026");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/desks/1/day")).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_NeedsThePassword_ThenRefusesEveryEarlierToken()
    {
        var (bearer, cookie) = await SignedInBothWaysAsync();

        var without = await bearer.PostAsJsonAsync("/api/account/sign-out-everywhere", new { password = "Wrong!2026x" });
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/desks/1/day")).StatusCode);

        var done = await bearer.PostAsJsonAsync("/api/account/sign-out-everywhere", new { password = PageForms.DemoPassword });
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        await AssertRefusedAsync(bearer, cookie);
    }

    [Fact]
    public async Task Disable_RefusesTheNextHubCall_OfAnOpenConnection()
    {
        var bearer = await BearerAsync(PageForms.DemoPassword);
        var token = bearer.DefaultRequestHeaders.Authorization!.Parameter!;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, HubPaths.Queue), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync();
        Assert.NotNull(await connection.InvokeAsync<QueueSnapshot>(nameof(IQueueHub.GetSnapshot), (string?)null));

        await WithUserAsync(async (users, user) =>
        {
            user.Disabled = true;
            await users.UpdateAsync(user);
        });

        await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeAsync<QueueSnapshot>(nameof(IQueueHub.GetSnapshot), (string?)null));
        await connection.DisposeAsync();
    }

    async Task<(HttpClient Bearer, HttpClient Cookie)> SignedInBothWaysAsync()
    {
        var bearer = await BearerAsync(PageForms.DemoPassword);
        var cookie = await PageForms.SignInAsync(app, Email);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/desks/1/day")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/clerk")).StatusCode);
        return (bearer, cookie);
    }

    async Task<HttpClient> BearerAsync(string password)
    {
        var http = app.CreateClient();
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = Email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    static async Task AssertRefusedAsync(HttpClient bearer, HttpClient cookie)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/desks/1/day")).StatusCode);
        var page = await cookie.GetAsync("/clerk");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var to = page.Headers.Location!;
        Assert.StartsWith("/account/login", to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/desks/1/day")).StatusCode);
    }

    async Task WithUserAsync(Func<UserManager<AppUser>, AppUser, Task> change)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await change(users, (await users.FindByEmailAsync(Email))!);
    }

    static async Task<bool> HasFieldErrorAsync(HttpResponseMessage response, string field) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _);
}
