using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Contracts.Agents;
using Rantevou.Contracts.Booking;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Audit;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Audit;

/// <summary>R12: what clerks, agents and admins do — and what they are refused — lands in the audit log, named after the actor only.</summary>
public sealed partial class AuditRecordingTests : LiveDayTest
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    Task<List<AuditEntry>> EntriesAsync() => App.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task ClerkCallNextAndVoid_AreRecorded_WithActorActionTargetAndStatus_AndNoCitizenData()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        var called = await BookAsync(renewal, Wed(9, 0), "called");
        var voided = await BookAsync(renewal, Wed(10, 0), "voided");
        var desk = await DeskIdAsync(1);
        At(8, 55);
        Assert.Equal("CheckedIn", (await ScanAsync(called.Qr)).Status);
        At(9, 0);
        var clerk = await ClerkAsync();
        Assert.Equal(called.Label, (await clerk.CallNextAsync(desk))!.Label);
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.PostAsJsonAsync($"/api/bookings/{voided.Code}/void", new VoidRequest("Wrong tax number"))).StatusCode);

        var entries = await EntriesAsync();
        var clerkId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "clerk1@example.org").Select(u => u.Id).SingleAsync());
        Assert.Equal(2, entries.Count);
        var call = entries[0];
        Assert.Equal((clerkId, "clerk1@example.org", "Clerk", "desk.call-next", desk.ToString(), 200, AuditOutcome.Succeeded, AuditChannel.Api),
            (call.ActorId, call.ActorName, call.ActorRole, call.Action, call.Target, call.Status, call.Outcome, call.Channel));
        Assert.Equal(Wed(9, 0).UtcDateTime, call.AtUtc);
        var voidEntry = entries[1];
        Assert.Equal(("booking.void", voided.Code, 200, AuditOutcome.Succeeded), (voidEntry.Action, voidEntry.Target, voidEntry.Status, voidEntry.Outcome));

        // GDPR: the citizens appear only as booking codes.
        var all = string.Join('|', entries.Select(e => $"{e.ActorName}|{e.Action}|{e.Target}|{e.ClientIp}"));
        foreach (var personal in new[] { called.Email, called.FullName, voided.Email, voided.FullName, "Wrong tax number" })
            Assert.DoesNotContain(personal, all, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RefusedAttempts_AreRecordedToo_AConflictAndAClerkTryingAnAdminAction()
    {
        var desk = await DeskIdAsync(1);
        var clerk = await ClerkAsync();
        // 08:00 on an empty day: nobody at the desk to complete (409).
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsync(desk, "complete")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Http.PutAsJsonAsync("/api/admin/settings", new OfficeSettings(30, 60, 30, 10, 60, 3, 3, 0, 90, 50))).StatusCode);

        var entries = await EntriesAsync();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("desk.complete", desk.ToString(), 409, AuditOutcome.Refused, "Clerk", "DeskHasNobody"),
            (entries[0].Action, entries[0].Target, entries[0].Status, entries[0].Outcome, entries[0].ActorRole, entries[0].Reason));
        Assert.Equal(("admin.settings.update", 403, AuditOutcome.Refused, "Clerk", "Forbidden"),
            (entries[1].Action, entries[1].Status, entries[1].Outcome, entries[1].ActorRole, entries[1].Reason));

        // The administrator reads why, in words, under each refusal.
        var page = System.Net.WebUtility.HtmlDecode(await (await SignInAsync("admin@example.org")).GetStringAsync("/admin/audit"));
        Assert.Contains("(409) <br><span class=\"hint\">Δεν εξυπηρετείται κανείς αυτή τη στιγμή σε αυτή τη θυρίδα.</span>", page, StringComparison.Ordinal);
        Assert.Contains("(403) <br><span class=\"hint\">Δεν έχετε δικαίωμα για αυτή την ενέργεια.</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgentRefusedOnItsPortal_IsLoggedWithTheReason_AndASuccessHasNone()
    {
        var school = await SignInAsync("school@example.org");
        var service = await ServiceAsync("Driving licence renewal");
        Dictionary<string, string> Form(string time) => new()
        {
            ["ServiceId"] = service.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Date"] = "2026-12-03",
            ["Time"] = time,
            ["ForCitizen"] = "false",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(school, "/agent", Form("09:00"))).StatusCode);
        // 03:00 is outside the office's hours.
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(school, "/agent", Form("03:00"))).StatusCode);

        var entries = await EntriesAsync();
        Assert.Equal((AuditOutcome.Succeeded, null), (entries[0].Outcome, entries[0].Reason));
        Assert.Equal((AuditOutcome.Refused, "OutsideHours"), (entries[1].Outcome, entries[1].Reason));
    }

    [Fact]
    public async Task AgentBooking_IsRecorded_WithTheNewBookingsCode()
    {
        var agent = await Clerk.LoginAsync(App, "school@example.org");
        var service = await ServiceAsync("Driving licence renewal");
        var start = (await Http.AvailabilityAsync(service, new DateOnly(2026, 12, 3))).First().Start;
        var response = await agent.Http.PostAsJsonAsync("/api/agent/bookings", new AgentBookingRequest(service, start.ToString("O"), null));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.Content.ReadFromJsonAsync<BookingCreatedDto>())!.Code;

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal(("school@example.org", "Agent", "agent.booking.create", code, 201, AuditOutcome.Succeeded),
            (entry.ActorName, entry.ActorRole, entry.Action, entry.Target, entry.Status, entry.Outcome));
    }

    [Fact]
    public async Task AdminChanges_AreRecorded_ThroughTheApi_AndThroughThePages_RefusedFormsToo()
    {
        var admin = await Clerk.LoginAsync(App, "admin@example.org");
        var service = (await admin.Http.GetFromJsonAsync<List<AdminService>>("/api/admin/services"))!.First();
        var edit = new ServiceEdit(service.GroupId, service.NameEl, service.NameEn, service.DurationMinutes + 5, service.Active, service.Documents);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync($"/api/admin/services/{service.Id}", edit)).StatusCode);

        var browser = await SignInAsync("admin@example.org");
        var refused = await PostFormAsync(browser, "/admin/settings", new() { ["BookingHorizonDays"] = "0", ["BookingCutoffMinutes"] = "60", ["HoldMinutes"] = "30", ["GraceMinutes"] = "10", ["CheckInOpensMinutes"] = "60", ["ActivePerService"] = "3", ["PerDay"] = "3", ["NoShowLimit"] = "0", ["NoShowWindowDays"] = "90", ["AgentDailyQuota"] = "50" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var saved = await PostFormAsync(browser, "/admin/settings", new() { ["BookingHorizonDays"] = "40", ["BookingCutoffMinutes"] = "60", ["HoldMinutes"] = "30", ["GraceMinutes"] = "10", ["CheckInOpensMinutes"] = "60", ["ActivePerService"] = "3", ["PerDay"] = "3", ["NoShowLimit"] = "0", ["NoShowWindowDays"] = "90", ["AgentDailyQuota"] = "50" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var entries = await EntriesAsync();
        Assert.Equal(3, entries.Count);
        Assert.Equal(("admin@example.org", "Admin", "admin.service.update", service.Id.ToString(), 200, AuditOutcome.Succeeded, AuditChannel.Api),
            (entries[0].ActorName, entries[0].ActorRole, entries[0].Action, entries[0].Target, entries[0].Status, entries[0].Outcome, entries[0].Channel));
        Assert.Equal(("admin.settings.update", AuditOutcome.Refused, AuditChannel.Page, "SettingOutOfRange"), (entries[1].Action, entries[1].Outcome, entries[1].Channel, entries[1].Reason));
        Assert.Equal(("admin.settings.update", 302, AuditOutcome.Succeeded, AuditChannel.Page), (entries[2].Action, entries[2].Status, entries[2].Outcome, entries[2].Channel));
    }

    [Fact]
    public async Task ABrokenAuditLog_DoesNotBreakTheAction()
    {
        var desk = await DeskIdAsync(1);
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE AuditEntries"));
        var clerk = await ClerkAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsync(desk, "call-next")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsync(desk, "complete")).StatusCode);
    }

    Task<HttpClient> SignInAsync(string email) => PageForms.SignInAsync(App, email);

    static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields) =>
        PageForms.PostFormAsync(client, url, fields);
}
