using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Accounts;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Accounts;

/// <summary>
/// The second factor: enrolling with a QR code's key and a first code, signing in with password and code (page and
/// API), recovery codes, the throttle on wrong codes, administrators forced to enrol when it is required, and the reset
/// of a lost phone by another administrator. Codes are computed here as a phone does, from the real clock (Identity's
/// authenticator checks the wall clock); everything else runs on the app's fake clock.
/// </summary>
public sealed partial class TwoFactorTests : IAsyncLifetime
{
    const string Clerk = "clerk1@example.org";
    const string Admin = "admin@example.org";
    readonly RantevouApp app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task EnrolPage_ShowsQrAndKey_ACodeTurnsItOn_TheRecoveryCodesShowOnce_AndOtherSignInsEnd()
    {
        var earlier = await BearerAsync(Clerk);
        var cookie = await PageForms.SignInAsync(app, Clerk);

        var page = await cookie.GetStringAsync("/account/two-factor");
        Assert.Contains("<img src=\"data:image/png;base64,", page);
        Assert.Matches("<img [^>]*alt=\"[^\"]+\"", page);
        Assert.Contains("<label for=\"Code\">", page);
        var key = KeyOn(page);
        Assert.Equal(key, KeyOn(await cookie.GetStringAsync("/account/two-factor"))); // the same pending key until enrolled

        var wrong = await PageForms.PostFormAsync(cookie, "/account/two-factor?handler=Enrol", new() { ["Code"] = Totp.Wrong(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("error-summary", await wrong.Content.ReadAsStringAsync());
        Assert.False(await TwoFactorOnAsync(Clerk));

        var right = await PageForms.PostFormAsync(cookie, "/account/two-factor?handler=Enrol", new() { ["Code"] = Totp.Now(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.True(await TwoFactorOnAsync(Clerk));
        var shown = await cookie.GetStringAsync("/account/two-factor");
        Assert.Equal(10, RecoveryCode().Matches(shown).Count);
        Assert.Empty(RecoveryCode().Matches(await cookie.GetStringAsync("/account/two-factor")));

        // This browser stays signed in (its cookie was renewed); the token from before the change is refused.
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/clerk")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await earlier.GetAsync("/api/desks/1/day")).StatusCode);
        Assert.Equal(["account.two-factor.enrol:Refused", "account.two-factor.enrol:Succeeded"], await AuditedAsync("account.two-factor.enrol"));
        // The codes typed are the account's secrets of the moment: never the log's target.
        Assert.All(await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("account.")).ToListAsync()),
            a => Assert.Null(a.Target));
    }

    [Fact]
    public async Task ApiSignIn_WithoutCode_IsTwoFactorRequired_WithCode_GetsAToken()
    {
        var key = await EnrolByApiAsync(Clerk);

        foreach (var language in ProblemAssert.Languages)
        {
            using var request = ProblemAssert.Request(language, HttpMethod.Post, "/api/auth/login", JsonContent.Create(new { email = Clerk, password = PageForms.DemoPassword }));
            await ProblemAssert.IsAsync(await app.CreateClient().SendAsync(request), HttpStatusCode.Unauthorized, "TwoFactorRequired", language);
        }
        var wrongPassword = await LoginAsync(Clerk, "Wrong!2026x", Totp.Now(key));
        Assert.Equal("LoginFailed", await CodeAsync(wrongPassword));

        var withCode = await LoginAsync(Clerk, PageForms.DemoPassword, Totp.Now(key));
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await WithTokenAsync(withCode)).GetAsync("/api/desks/1/day")).StatusCode);
    }

    [Fact]
    public async Task WrongCodes_AreThrottledLikeWrongPasswords_UntilTheWindowPasses()
    {
        var key = await EnrolByApiAsync(Clerk);

        for (var i = 0; i < SignInThrottle.MaxFailures; i++)
        {
            var wrong = await LoginAsync(Clerk, PageForms.DemoPassword, Totp.Wrong(key));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("LoginFailed", await CodeAsync(wrong));
        }
        // The right password and the right code are refused too while the client waits (the password did not reset the count).
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(Clerk, PageForms.DemoPassword, Totp.Now(key))).StatusCode);

        app.Clock.Advance(SignInThrottle.Window + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(Clerk, PageForms.DemoPassword, Totp.Now(key))).StatusCode);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce_AndIsAudited()
    {
        var (_, codes) = await EnrolWithCodesAsync(Clerk);

        var first = await app.CreateClient().PostAsJsonAsync("/api/auth/login",
            new { email = Clerk, password = PageForms.DemoPassword, twoFactorRecoveryCode = codes[0].ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var again = await app.CreateClient().PostAsJsonAsync("/api/auth/login",
            new { email = Clerk, password = PageForms.DemoPassword, twoFactorRecoveryCode = codes[0] });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);

        Assert.Equal(["account.two-factor.recovery-code-used:Succeeded"], await AuditedAsync("account.two-factor.recovery-code-used"));
        var state = await (await WithTokenAsync(first)).GetFromJsonAsync<JsonElement>("/api/account/two-factor");
        Assert.Equal(9, state.GetProperty("recoveryCodesLeft").GetInt32());
    }

    [Fact]
    public async Task PageSignIn_AsksForTheCode_BeforeAnyCookie_AndForgetsTheHalfSignInAfterFiveMinutes()
    {
        var key = await EnrolByApiAsync(Clerk);
        var browser = app.CreateClient(new() { AllowAutoRedirect = false });

        var password = await PageForms.PostFormAsync(browser, "/account/login", new() { ["Email"] = Clerk, ["Password"] = PageForms.DemoPassword, ["ReturnUrl"] = "/clerk" });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/login/two-factor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(Clerk, password.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(password.Headers.GetValues("Set-Cookie"), c => c.StartsWith("rantevou.auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/clerk")).StatusCode); // not signed in yet

        var wrong = await PageForms.PostFormAsync(browser, "/account/login/two-factor?ReturnUrl=%2Fclerk", new() { ["Code"] = Totp.Wrong(key), ["ReturnUrl"] = "/clerk" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("error-summary", await wrong.Content.ReadAsStringAsync());
        var right = await PageForms.PostFormAsync(browser, "/account/login/two-factor?ReturnUrl=%2Fclerk", new() { ["Code"] = Totp.Now(key), ["ReturnUrl"] = "/clerk" });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/clerk", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/clerk")).StatusCode);

        var late = app.CreateClient(new() { AllowAutoRedirect = false });
        await PageForms.PostFormAsync(late, "/account/login", new() { ["Email"] = Clerk, ["Password"] = PageForms.DemoPassword, ["ReturnUrl"] = "/" });
        app.Clock.Advance(PendingSignInLifetime + TimeSpan.FromSeconds(1));
        var expired = await late.GetAsync("/account/login/two-factor");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/account/login", expired.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurningOff_AndNewRecoveryCodes_NeedACurrentCode()
    {
        var (key, codes) = await EnrolWithCodesAsync(Clerk);
        var bearer = await WithTokenAsync(await LoginAsync(Clerk, PageForms.DemoPassword, Totp.Now(key)));

        var noCode = await bearer.PostAsJsonAsync("/api/account/two-factor/recovery-codes", new { code = Totp.Wrong(key) });
        await ProblemAssert.IsAsync(noCode, HttpStatusCode.BadRequest, "Invalid", "el", "code");
        var fresh = await bearer.PostAsJsonAsync("/api/account/two-factor/recovery-codes", new { code = Totp.Now(key) });
        var newCodes = (await fresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(codes));

        Assert.Equal(HttpStatusCode.BadRequest, (await bearer.PostAsJsonAsync("/api/account/two-factor/disable", new { code = Totp.Wrong(key) })).StatusCode);
        Assert.True(await TwoFactorOnAsync(Clerk));
        Assert.Equal(HttpStatusCode.NoContent, (await bearer.PostAsJsonAsync("/api/account/two-factor/disable", new { code = Totp.Now(key) })).StatusCode);
        Assert.False(await TwoFactorOnAsync(Clerk));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(Clerk, PageForms.DemoPassword)).StatusCode);
        Assert.Equal(["account.two-factor.disable:Refused", "account.two-factor.disable:Succeeded"], await AuditedAsync("account.two-factor.disable"));
    }

    [Fact]
    public async Task GuessingTheCode_FromASignedInSession_IsThrottled_AndCountsTowardTheLockout()
    {
        var key = await EnrolByApiAsync(Clerk);
        var bearer = await WithTokenAsync(await LoginAsync(Clerk, PageForms.DemoPassword, Totp.Now(key)));
        var failedBefore = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Clerk).Select(u => u.AccessFailedCount).SingleAsync());

        for (var i = 0; i < SignInThrottle.MaxFailures; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await bearer.PostAsJsonAsync("/api/account/two-factor/disable", new { code = Totp.Wrong(key) })).StatusCode);
        // Someone holding the session cannot go on guessing: even the right code is refused while the window lasts.
        Assert.Equal(HttpStatusCode.BadRequest, (await bearer.PostAsJsonAsync("/api/account/two-factor/disable", new { code = Totp.Now(key) })).StatusCode);
        Assert.True(await TwoFactorOnAsync(Clerk));
        Assert.Equal(failedBefore + SignInThrottle.MaxFailures + 1,
            await app.WithDbAsync(db => db.Users.Where(u => u.Email == Clerk).Select(u => u.AccessFailedCount).SingleAsync()));

        app.Clock.Advance(SignInThrottle.Window + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NoContent, (await bearer.PostAsJsonAsync("/api/account/two-factor/disable", new { code = Totp.Now(key) })).StatusCode);
    }

    [Fact]
    public async Task Required_AnAdminWithoutIt_IsSentToEnrol_AndTheAdminApiAnswers403_UntilEnrolled()
    {
        await using var required = new RantevouApp();
        required.Settings["Rantevou:Accounts:RequireAdminTwoFactor"] = "true";
        var bearer = await WithTokenAsync(await LoginAsync(Admin, PageForms.DemoPassword, http: required.CreateClient()), required);

        foreach (var language in ProblemAssert.Languages)
        {
            using var request = ProblemAssert.Request(language, HttpMethod.Get, "/api/admin/audit");
            await ProblemAssert.IsAsync(await bearer.SendAsync(request), HttpStatusCode.Forbidden, "TwoFactorRequired", language);
        }
        // Nor may the admin act as staff with a password alone (any desk of any office, citizens' documents) ...
        var desk = await bearer.GetAsync("/api/desks/1/day");
        Assert.Equal(HttpStatusCode.Forbidden, desk.StatusCode);
        Assert.Contains("TwoFactorRequired", await desk.Content.ReadAsStringAsync());
        // ... while a clerk is not asked.
        var clerk = await WithTokenAsync(await LoginAsync(Clerk, PageForms.DemoPassword, http: required.CreateClient()), required);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/desks/1/day")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/admin/audit")).StatusCode);

        var cookie = await PageForms.SignInAsync(required, Admin);
        var admin = await cookie.GetAsync("/admin/staff");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal("/account/two-factor?returnUrl=%2Fadmin%2Fstaff", admin.Headers.Location!.OriginalString);
        var enrol = await cookie.GetStringAsync(admin.Headers.Location!.OriginalString);
        Assert.Contains("notice", enrol);
        var done = await PageForms.PostFormAsync(cookie, "/account/two-factor?handler=Enrol", new() { ["Code"] = Totp.Now(KeyOn(enrol)), ["ReturnUrl"] = "/admin/staff" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("href=\"/admin/staff\"", await cookie.GetStringAsync(done.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/admin/staff")).StatusCode);
    }

    [Fact]
    public async Task NotRequired_AnAdminWithoutIt_UsesTheAdministration()
    {
        var bearer = await WithTokenAsync(await LoginAsync(Admin, PageForms.DemoPassword));
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/admin/audit")).StatusCode);
        var cookie = await PageForms.SignInAsync(app, Admin);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/admin/staff")).StatusCode);
    }

    [Fact]
    public async Task AnotherAdmin_ResetsALostPhone_EndingTheAccountsSignIns()
    {
        var key = await EnrolByApiAsync(Clerk);
        var clerk = await WithTokenAsync(await LoginAsync(Clerk, PageForms.DemoPassword, Totp.Now(key)));
        var admin = await WithTokenAsync(await LoginAsync(Admin, PageForms.DemoPassword));
        var staff = await admin.GetFromJsonAsync<JsonElement>("/api/admin/staff");
        var entry = staff.EnumerateArray().Single(s => s.GetProperty("email").GetString() == Clerk);
        Assert.True(entry.GetProperty("twoFactor").GetBoolean());
        var id = entry.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync($"/api/admin/staff/{id}/two-factor/reset", null)).StatusCode);
        var reset = await admin.PostAsync($"/api/admin/staff/{id}/two-factor/reset", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.False((await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("twoFactor").GetBoolean());

        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.GetAsync("/api/desks/1/day")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(Clerk, PageForms.DemoPassword)).StatusCode);
        Assert.Contains("admin.staff.two-factor-reset:Succeeded", await AuditedAsync("admin.staff.two-factor-reset"));
    }

    [Fact]
    public async Task StaffPage_ShowsWhoHasASecondFactor_AndResetsIt()
    {
        await EnrolByApiAsync(Clerk);
        var admin = await PageForms.SignInAsync(app, Admin);

        var page = await admin.GetStringAsync("/admin/staff");
        Assert.Single(Regex.Matches(page, "handler=ResetTwoFactor"));
        var reset = await PageForms.SubmitAsync(admin, "/admin/staff", "handler=ResetTwoFactor", _ => { }, html: page);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(await TwoFactorOnAsync(Clerk));
        Assert.DoesNotContain("handler=ResetTwoFactor", await admin.GetStringAsync("/admin/staff"));
        Assert.Equal(["admin.staff.two-factor-reset:Succeeded"], await AuditedAsync("admin.staff.two-factor-reset"));
    }

    static readonly TimeSpan PendingSignInLifetime = TimeSpan.FromMinutes(5);

    async Task<string> EnrolByApiAsync(string email) => (await EnrolWithCodesAsync(email)).Key;

    async Task<(string Key, List<string> Codes)> EnrolWithCodesAsync(string email)
    {
        var bearer = await WithTokenAsync(await LoginAsync(email, PageForms.DemoPassword));
        var state = await bearer.GetFromJsonAsync<JsonElement>("/api/account/two-factor");
        Assert.False(state.GetProperty("enabled").GetBoolean());
        var key = state.GetProperty("key").GetString()!;
        Assert.Equal($"otpauth://totp/Rantevou:{Uri.EscapeDataString(email)}?secret={key}&issuer=Rantevou&digits=6", state.GetProperty("uri").GetString());
        var enrolled = await bearer.PostAsJsonAsync("/api/account/two-factor", new { code = Totp.Now(key) });
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var codes = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    Task<HttpResponseMessage> LoginAsync(string email, string password, string? code = null, HttpClient? http = null) =>
        (http ?? app.CreateClient()).PostAsJsonAsync("/api/auth/login", new { email, password, twoFactorCode = code });

    async Task<HttpClient> WithTokenAsync(HttpResponseMessage login, RantevouApp? on = null)
    {
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var http = (on ?? app).CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    async Task<HttpClient> BearerAsync(string email) => await WithTokenAsync(await LoginAsync(email, PageForms.DemoPassword));

    static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    Task<bool> TwoFactorOnAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());

    async Task<List<string>> AuditedAsync(string action)
    {
        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.Outcome }).ToListAsync());
        return entries.Select(a => $"{a.Action}:{a.Outcome}").ToList();
    }

    static string KeyOn(string page) => Key().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);

    [GeneratedRegex("id=\"two-factor-key\">([A-Z2-7 ]+)<")]
    private static partial Regex Key();

    [GeneratedRegex("<code>[A-Z0-9]{5}-[A-Z0-9]{5}</code>")]
    private static partial Regex RecoveryCode();
}
