using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Accounts;

/// <summary>
/// An admin invites a clerk (no password from the admin; a one-use link by mail), assigns
/// desks (the clerk acts only there), disables and re-enables; forgot password answers the same for every address.
/// The mails are read from the real SMTP server, as a person would.
/// </summary>
public sealed class StaffAccountsTests : AppTest
{
    const string NewPassword = "Gkise!2026a";

    [Fact]
    public async Task Invite_SetPasswordFromTheMail_ThenActsAtTheAssignedDeskOnly()
    {
        var admin = await BearerAsync("admin@example.org", PageForms.DemoPassword);
        var desks = await DeskIdsAsync();

        var created = await admin.PostAsJsonAsync("/api/admin/staff", new { email = "eleni@example.org", displayName = "Ελένη Παππά", role = "Clerk", deskIds = new[] { desks[1] } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var staff = (await created.Content.ReadFromJsonAsync<StaffAccountDto>())!;
        Assert.Equal([desks[1]], staff.DeskIds);
        Assert.True(staff.Invited);
        Assert.Contains(await admin.GetFromJsonAsync<List<StaffAccountDto>>("/api/admin/staff") ?? [], s => s.Email == "eleni@example.org");

        // Nobody knows a password yet: not the admin, not a guess.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsJsonAsync("/api/auth/login", new { email = "eleni@example.org", password = PageForms.DemoPassword })).StatusCode);

        await App.DispatchMailAsync();
        var mail = (await Smtp.WaitForAsync(1)).To("eleni@example.org", "Ο λογαριασμός σας");
        Assert.Contains("Your Rantevou account", mail.Subject, StringComparison.Ordinal);
        var link = mail.Link("/account/set-password");
        var reset = new { email = link.Query("email"), token = link.Query("token"), newPassword = NewPassword };
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PostAsJsonAsync("/api/account/reset-password", reset)).StatusCode);
        // One use.
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.PostAsJsonAsync("/api/account/reset-password", reset with { newPassword = "Άλλος!2026b" })).StatusCode);

        var clerk = await BearerAsync("eleni@example.org", NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/desks/{desks[1]}/day")).StatusCode);
        var elsewhere = await clerk.PostAsync($"/api/desks/{desks[0]}/call-next", null);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal("DeskNotAssigned", (await elsewhere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        // The admin moves her to the first desk.
        var moved = await admin.PutAsJsonAsync($"/api/admin/staff/{staff.Id}", new { deskIds = new[] { desks[0] } });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/desks/{desks[0]}/day")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"/api/desks/{desks[1]}/day")).StatusCode);
    }

    [Fact]
    public async Task Disable_RefusesTheClerksTokenAtOnce_AndSignIn_UntilReEnabled()
    {
        var admin = await BearerAsync("admin@example.org", PageForms.DemoPassword);
        var clerk = await BearerAsync("clerk2@example.org", PageForms.DemoPassword);
        var id = (await admin.GetFromJsonAsync<List<StaffAccountDto>>("/api/admin/staff"))!.Single(s => s.Email == "clerk2@example.org").Id;

        var disabled = await admin.PostAsync($"/api/admin/staff/{id}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Content.ReadFromJsonAsync<StaffAccountDto>())!.Disabled);
        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.GetAsync("/api/desks/2/day")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsJsonAsync("/api/auth/login", new { email = "clerk2@example.org", password = PageForms.DemoPassword })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/staff/{id}/enable", null)).StatusCode);
        var again = await BearerAsync("clerk2@example.org", PageForms.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/desks/2/day")).StatusCode);

        // Not one's own account.
        var self = (await admin.GetFromJsonAsync<List<StaffAccountDto>>("/api/admin/staff"))!.Single(s => s.Email == "admin@example.org").Id;
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/admin/staff/{self}/disable", null)).StatusCode);
    }

    [Fact]
    public async Task OnTheStaffPage_OnesOwnAccount_HasNoDisableButton_ItsRoleChangeSaysWhy_AndAnEmptiedNameIsRefused()
    {
        var admin = await PageForms.SignInAsync(App, "admin@example.org");
        var self = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@example.org").Select(u => u.Id).SingleAsync());
        var clerk = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "clerk2@example.org").Select(u => u.Id).SingleAsync());
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/staff"));
        Assert.Contains("Αυτός είναι ο δικός σας λογαριασμός", page, StringComparison.Ordinal);
        bool DisableFormFor(string id) => System.Text.RegularExpressions.Regex.IsMatch(page,
            $"<form[^>]*handler=Disable[^>]*>\\s*<input type=\"hidden\" name=\"id\" value=\"{id}\"");
        Assert.False(DisableFormFor(self));
        Assert.True(DisableFormFor(clerk));

        var demoted = WebUtility.HtmlDecode(await (await PageForms.PostFormAsync(admin, "/admin/staff?handler=Edit",
            new() { ["id"] = self, ["name"] = "Διαχειριστής", ["role"] = "Clerk" })).Content.ReadAsStringAsync());
        Assert.Contains("Αυτό δεν γίνεται για τον δικό σας λογαριασμό", demoted, StringComparison.Ordinal);

        var emptied = WebUtility.HtmlDecode(await (await PageForms.PostFormAsync(admin, "/admin/staff?handler=Edit",
            new() { ["id"] = clerk, ["name"] = "", ["role"] = "Clerk" })).Content.ReadAsStringAsync());
        Assert.Contains("Συμπληρώστε το όνομα", emptied, StringComparison.Ordinal);
        Assert.NotEqual("", await App.WithDbAsync(db => db.Users.Where(u => u.Id == clerk).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task OnTheStaffPage_DisableAsksFirst_NamingThePerson_AndOnlyTheQuestionsButtonDisables()
    {
        var admin = await PageForms.SignInAsync(App, "admin@example.org");
        var api = await BearerAsync("admin@example.org", PageForms.DemoPassword);
        var clerk = (await api.GetFromJsonAsync<List<StaffAccountDto>>("/api/admin/staff"))!.Single(s => s.Email == "clerk2@example.org");

        var asked = await PageForms.PostFormAsync(admin, "/admin/staff?handler=Disable", new() { ["id"] = clerk.Id });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.Contains($"Ο λογαριασμός «{clerk.DisplayName}» αποσυνδέεται αμέσως", page, StringComparison.Ordinal);
        Assert.Contains($"form=\"disable-{clerk.Id}\" name=\"confirm\" value=\"true\">Ναι, απενεργοποίηση", page, StringComparison.Ordinal);
        Assert.False((await api.GetFromJsonAsync<List<StaffAccountDto>>("/api/admin/staff"))!.Single(s => s.Id == clerk.Id).Disabled);

        var done = await PageForms.PostFormAsync(admin, "/admin/staff?handler=Disable", new() { ["id"] = clerk.Id, ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.True((await api.GetFromJsonAsync<List<StaffAccountDto>>("/api/admin/staff"))!.Single(s => s.Id == clerk.Id).Disabled);
        // Back at that person's card, with the notice in it: the top of a long list is out of sight.
        var back = done.Headers.Location!.OriginalString;
        Assert.EndsWith($"#account-{clerk.Id}", back, StringComparison.Ordinal);
        var after = await admin.GetStringAsync(back);
        var card = after[after.IndexOf($"id=\"account-{clerk.Id}\"", StringComparison.Ordinal)..];
        Assert.Contains("role=\"status\"", card[..card.IndexOf("</section>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficeAdmin_DoesNotSeeOrChangeAnotherOfficesStaff_AndAClerkCannotManage()
    {
        var admin = await BearerAsync("admin@example.org", PageForms.DemoPassword);
        var otherOffice = await App.WithDbAsync(async db =>
        {
            var office = await db.Offices.AsNoTracking().FirstAsync();
            var copy = new Rantevou.Core.Offices.Office { Slug = "other", NameEl = "Άλλο", NameEn = "Other", TimeZoneId = office.TimeZoneId };
            db.Offices.Add(copy);
            await db.SaveChangesAsync();
            var user = await db.Users.SingleAsync(u => u.Email == "clerk3@example.org");
            user.OfficeId = copy.Id;
            await db.SaveChangesAsync();
            return user.Id;
        });
        Assert.DoesNotContain((await admin.GetFromJsonAsync<List<StaffAccountDto>>("/api/admin/staff"))!, s => s.Id == otherOffice);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/admin/staff/{otherOffice}/disable", null)).StatusCode);

        var clerk = await BearerAsync("clerk1@example.org", PageForms.DemoPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/admin/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/staff", new { email = "x@example.org", displayName = "X", role = "Agent" })).StatusCode);
    }

    [Fact]
    public async Task Forgot_AnswersAlikeForEveryAddress_MailsAOneUseLink_AndTheOldPasswordStops()
    {
        var known = await Http.PostAsJsonAsync("/api/account/forgot", new { email = "clerk4@example.org" });
        var unknown = await Http.PostAsJsonAsync("/api/account/forgot", new { email = "nobody@example.org" });
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());

        var old = await BearerAsync("clerk4@example.org", PageForms.DemoPassword);
        await App.DispatchMailAsync();
        var mails = await Smtp.WaitForAsync(1);
        Assert.Single(mails);
        var link = mails.To("clerk4@example.org", "Νέος κωδικός").Link("/account/set-password");
        var reset = new { email = link.Query("email"), token = link.Query("token"), newPassword = NewPassword };
        Assert.Contains("name=\"NewPassword\"", await Http.GetStringAsync(link.PathAndQuery), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.PostAsJsonAsync("/api/account/reset-password", reset with { token = "forged" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PostAsJsonAsync("/api/account/reset-password", reset)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.PostAsJsonAsync("/api/account/reset-password", reset)).StatusCode);
        // The used link, opened again, says so at once and leads to a new one: no password typed for nothing.
        var again = await Http.GetStringAsync(link.PathAndQuery);
        Assert.Contains("href=\"/account/forgot", again, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"NewPassword\"", again, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/desks/4/day")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsJsonAsync("/api/auth/login", new { email = "clerk4@example.org", password = PageForms.DemoPassword })).StatusCode);
        await BearerAsync("clerk4@example.org", NewPassword);
    }

    Task<List<int>> DeskIdsAsync() => App.WithDbAsync(db => db.Desks.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync());

    async Task<HttpClient> BearerAsync(string email, string password)
    {
        var http = Client();
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
