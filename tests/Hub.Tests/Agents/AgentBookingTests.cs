using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Agents;
using Rantevou.Contracts.Booking;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Agents;

/// <summary>R7: agents book as themselves or for citizens, who confirm from their own email; R12: a daily quota.</summary>
public sealed class AgentBookingTests : IAsyncLifetime
{
    static readonly DateOnly Day = new(2026, 12, 3);
    SmtpTestServer smtp = null!;
    RantevouApp app = null!;
    int mailSeen;

    public Task InitializeAsync()
    {
        smtp = SmtpTestServer.Start();
        app = new RantevouApp { Smtp = smtp };
        app.Settings["Rantevou:Agents:DailyQuota"] = "5";
        app.Settings["Rantevou:Agents:CitizenConfirmMinutes"] = "120";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task AgentBookingForItself_IsFinalAtOnce_WithItsAccountDetails_AndTheQrMail()
    {
        var school = await LoginAsync("school@example.org");
        var (serviceId, start) = await SlotAsync(0);
        var created = await Created(await school.PostAsJsonAsync("/api/agent/bookings", new AgentBookingRequest(serviceId, start, null)));
        Assert.Equal("Confirmed", created.Status);
        var row = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Code == created.Code));
        Assert.Equal(("Σχολή Οδηγών Δέλτα", "school@example.org", "+306900000001"), (row.FullName, row.Email, row.Mobile));
        var mail = (await MailAsync(1)).Single();
        Assert.Equal("school@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Contains(mail.Attachments, a => a.ContentType.MimeType == "image/png");
    }

    [Fact]
    public async Task AgentBookingForACitizen_IsFinalOnlyWhenTheCitizenConfirms()
    {
        var agent = await LoginAsync("agent@example.org");
        var (serviceId, start) = await SlotAsync(0);
        var citizen = new CitizenDetails("Κώστας Ιωάννου", "kostas@example.org", "6945555555");
        var created = await Created(await agent.PostAsJsonAsync("/api/agent/bookings", new AgentBookingRequest(serviceId, start, citizen)));
        Assert.Equal("Pending", created.Status);

        var mail = (await MailAsync(1)).Single();
        Assert.Equal("kostas@example.org", mail.To.Mailboxes.Single().Address);
        // The citizen did not book it: told who did, first, never "you booked an appointment".
        Assert.StartsWith("Το ραντεβού κλείστηκε για εσάς από τον λογαριασμό «Διεκπεραιωτής Άλφα».", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Κλείσατε ραντεβού", mail.TextBody, StringComparison.Ordinal);
        var link = mail.TextBody!.Split('\n').Select(l => l.Trim()).First(l => l.Contains("/confirm?token=")).Split(": ")[1];
        var token = Uri.UnescapeDataString(link.Split("token=")[1].Split('&')[0]);
        var confirm = await app.CreateClient().PostAsync($"/api/bookings/{created.Code}/confirm?token={token}", null);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal("Confirmed", (await confirm.Content.ReadFromJsonAsync<BookingDto>())!.Status);
    }

    [Fact]
    public async Task CitizenWhoNeverConfirms_LosesTheBooking_AndBothAreTold()
    {
        var agent = await LoginAsync("agent@example.org");
        var (serviceId, start) = await SlotAsync(0);
        var citizen = new CitizenDetails("Άννα Νικολάου", "anna@example.org", "6946666666");
        var created = await Created(await agent.PostAsJsonAsync("/api/agent/bookings", new AgentBookingRequest(serviceId, start, citizen)));
        await MailAsync(1);

        app.Clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(0, await app.ReleaseHoldsAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await app.ReleaseHoldsAsync());
        var told = (await MailAsync(2)).Select(m => m.To.Mailboxes.Single().Address).Order().ToList();
        Assert.Equal(["agent@example.org", "anna@example.org"], told);
        Assert.Equal("Released", await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == created.Code).Select(b => b.Status.ToString()).SingleAsync()));
    }

    [Fact]
    public async Task DailyQuota_HoldsUnderAConcurrentBurst()
    {
        var school = await LoginAsync("school@example.org");
        var services = await app.CreateClient().ServicesAsync();
        var requests = Enumerable.Range(0, 12).Select(async i =>
        {
            var service = services[i % services.Count];
            // 30 minutes apart, longer than any service: only the quota can refuse, never a taken slot.
            var slots = await app.CreateClient().AvailabilityAsync(service.Id, Day);
            return await school.PostAsJsonAsync("/api/agent/bookings", new AgentBookingRequest(service.Id, slots[i * 6].Start.ToString("O"), null));
        });
        var answers = await Task.WhenAll(requests);
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(7, refused.Count);
        foreach (var r in refused)
            Assert.Equal("AgentQuota", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task EachAgent_SeesOnlyItsOwnBookings_AndOthersCannotUseTheAgentApi()
    {
        var school = await LoginAsync("school@example.org");
        var agent = await LoginAsync("agent@example.org");
        var (serviceId, start) = await SlotAsync(0);
        var mine = await Created(await school.PostAsJsonAsync("/api/agent/bookings", new AgentBookingRequest(serviceId, start, null)));

        var schoolList = (await school.GetFromJsonAsync<List<AgentBookingDto>>($"/api/agent/bookings?date={Day:yyyy-MM-dd}"))!;
        Assert.Equal([mine.Code], schoolList.Select(b => b.Code));
        Assert.Empty((await agent.GetFromJsonAsync<List<AgentBookingDto>>($"/api/agent/bookings?date={Day:yyyy-MM-dd}"))!);
        Assert.Equal(mine.Code, (await school.GetFromJsonAsync<List<AgentBookingDto>>($"/api/agent/bookings?q={mine.Code.ToLowerInvariant()}"))!.Single().Code);

        var clerk = await LoginAsync("clerk1@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/agent/bookings")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/agent/bookings")).StatusCode);
    }

    [Fact]
    public async Task Search_FindsACitizenByTheirGreekName_WhateverTheCaseAndAccents_AndByPartOfTheCode()
    {
        var school = await LoginAsync("school@example.org");
        var (serviceId, start) = await SlotAsync(0);
        var booked = await Created(await school.PostAsJsonAsync("/api/agent/bookings",
            new AgentBookingRequest(serviceId, start, new CitizenDetails("Δημήτρης Αθανασίου", "dimitris@example.org", "6947777777"))));

        async Task<List<string>> Find(string q) =>
            (await school.GetFromJsonAsync<List<AgentBookingDto>>($"/api/agent/bookings?q={Uri.EscapeDataString(q)}"))!.Select(b => b.Code).ToList();

        Assert.Equal([booked.Code], await Find("δημητρης"));
        Assert.Equal([booked.Code], await Find("ΑΘΑΝΑΣΙΟΥ"));
        Assert.Equal([booked.Code], await Find("Δημήτρης Αθανασίου"));
        Assert.Equal([booked.Code], await Find("DIMITRIS@example"));
        Assert.Equal([booked.Code], await Find(booked.Code[2..7].ToLowerInvariant()));
        Assert.Empty(await Find("Νίκος"));
    }

    [Fact]
    public async Task BookingForTheAccount_WithACitizensDetailsTypedIn_IsRefusedOnThePage_NotBookedWithoutThem()
    {
        var school = await PageForms.SignInAsync(app, "school@example.org");
        var (serviceId, start) = await SlotAsync(0);
        var at = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);

        var page = await PageForms.PostFormAsync(school, "/agent", new()
        {
            ["ServiceId"] = serviceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Date"] = at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Time"] = at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["ForCitizen"] = "false",
            ["FullName"] = "Μαθητής Σχολής",
        });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("τα στοιχεία πολίτη που γράψατε δεν θα κρατηθούν", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task TheBookingsPage_OpenedByTheSchoolThatBookedIt_LeadsBackToItsPortal_NotToThePublicPages()
    {
        var school = await PageForms.SignInAsync(app, "school@example.org");
        var api = await LoginAsync("school@example.org");
        var (serviceId, start) = await SlotAsync(0);
        var booked = await Created(await api.PostAsJsonAsync("/api/agent/bookings", new AgentBookingRequest(serviceId, start, null)));
        var link = $"/b/{booked.Code}?token={Uri.EscapeDataString(booked.ManageToken)}";

        var asSchool = await school.GetStringAsync(link);
        var asAnyone = await app.CreateClient().GetStringAsync(link);

        Assert.Contains("Πίσω στην πύλη συνεργατών", asSchool, StringComparison.Ordinal);
        Assert.Contains("href=\"/agent?date=", asSchool, StringComparison.Ordinal);
        Assert.DoesNotContain("Πίσω στην πύλη συνεργατών", asAnyone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBookingsPage_GivesTheConfirmationDeadlineItsDay_WhenItIsNotToday()
    {
        // Tuesday 23:00 in Athens: the citizen has 120 minutes, until 01:00 on Wednesday.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.FromHours(2)));
        var agent = await LoginAsync("agent@example.org");
        var (serviceId, start) = await SlotAsync(0);
        var created = await Created(await agent.PostAsJsonAsync("/api/agent/bookings",
            new AgentBookingRequest(serviceId, start, new CitizenDetails("Μαρία Κ", "maria.k@example.org", "6941111111"))));

        var page = await app.CreateClient().GetStringAsync($"/b/{created.Code}?token={Uri.EscapeDataString(created.ManageToken)}");

        var wednesday = new DateOnly(2026, 12, 2).ToString("ddd d MMM", System.Globalization.CultureInfo.GetCultureInfo("el-GR"));
        Assert.Contains($"Επιβεβαιώστε έως {wednesday} στις 01:00", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBookingsPage_SaysTheConfirmationDeadlineIsToday_WhenItIs()
    {
        var agent = await LoginAsync("agent@example.org");
        var (serviceId, start) = await SlotAsync(0);
        var created = await Created(await agent.PostAsJsonAsync("/api/agent/bookings",
            new AgentBookingRequest(serviceId, start, new CitizenDetails("Μαρία Κ", "maria.k@example.org", "6941111111"))));

        var page = await app.CreateClient().GetStringAsync($"/b/{created.Code}?token={Uri.EscapeDataString(created.ManageToken)}");

        var until = app.Clock.GetUtcNow().AddMinutes(120).ToOffset(TimeSpan.FromHours(2));
        Assert.Equal(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(2)).Date, until.Date);
        Assert.Contains($"Επιβεβαιώστε σήμερα έως τις {until:HH:mm}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisabledAgent_IsSignedOutAtOnce_CannotSignInOrBook_ItsBookingsStay_AndEnabledSignsInAgain()
    {
        var school = await LoginAsync("school@example.org");
        var (serviceId, start) = await SlotAsync(0);
        var booked = await Created(await school.PostAsJsonAsync("/api/agent/bookings", new AgentBookingRequest(serviceId, start, null)));
        var admin = await LoginAsync("admin@example.org");
        var id = (await admin.GetFromJsonAsync<List<AgentAccountDto>>("/api/admin/agents"))!.Single(a => a.Email == "school@example.org").Id;

        var disabled = await admin.PostAsync($"/api/admin/agents/{id}/disable", null);

        Assert.True((await disabled.Content.ReadFromJsonAsync<AgentAccountDto>())!.Disabled);
        // R8: the agreement ended: the token in hand is refused, a new sign-in too; the bookings made stay.
        Assert.Equal(HttpStatusCode.Unauthorized, (await school.GetAsync("/api/agent/bookings")).StatusCode);
        var (_, later) = await SlotAsync(12);
        Assert.Equal(HttpStatusCode.Unauthorized, (await school.PostAsJsonAsync("/api/agent/bookings", new AgentBookingRequest(serviceId, later, null))).StatusCode);
        var again = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = "school@example.org", password = "Demo!2026" });
        Assert.False(again.IsSuccessStatusCode);
        Assert.Equal("Confirmed", await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == booked.Code).Select(b => b.Status.ToString()).SingleAsync()));
        Assert.True((await admin.GetFromJsonAsync<List<AgentAccountDto>>("/api/admin/agents"))!.Single(a => a.Id == id).Disabled);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/agents/{id}/enable", null)).StatusCode);
        var back = await LoginAsync("school@example.org");
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/api/agent/bookings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/admin/agents/no-such-agent/disable", null)).StatusCode);
    }

    async Task<HttpClient> LoginAsync(string email)
    {
        var http = app.CreateClient();
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = "Demo!2026" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    async Task<(int ServiceId, string Start)> SlotAsync(int index)
    {
        var http = app.CreateClient();
        var service = (await http.ServicesAsync()).First();
        return (service.Id, (await http.AvailabilityAsync(service.Id, Day))[index].Start.ToString("O"));
    }

    static async Task<BookingCreatedDto> Created(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<BookingCreatedDto>())!;
    }

    async Task<List<MimeKit.MimeMessage>> MailAsync(int count)
    {
        Assert.Equal(count, await app.DispatchMailAsync());
        var all = await smtp.WaitForAsync(mailSeen + count);
        var fresh = all.Skip(mailSeen).ToList();
        mailSeen += count;
        return fresh;
    }
}
