using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Admin;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Accounts;
using Rantevou.Core.Devices;
using Rantevou.Core.Offices;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Devices;

/// <summary>
/// Registered lobby devices (ADR 0015): only a paired, unrevoked kiosk of the office issues walk-in tickets (R6) and
/// checks people in (R3, R5); pairing goes through a short code an administrator of the office approves.
/// </summary>
public class RegisteredDevicesTests : AppTest
{
    int serviceId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        serviceId = (await ServiceAsync()).Id;
    }

    Task<HttpResponseMessage> WalkInAsync(HttpClient http) => http.PostAsJsonAsync("/api/kiosk/walkins?culture=en", new WalkInRequest(serviceId, null));

    Task<HttpResponseMessage> ScanAsync(HttpClient http) => http.PostAsJsonAsync("/api/kiosk/checkin?culture=en", new CheckInRequest("not-a-code"));

    HttpClient Device(string secret) => Client().AsDevice(secret);

    static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    [Fact]
    public async Task WalkInAndCheckIn_WithoutAKioskCredential_Are401DeviceRequired_InTheRequestsLanguage()
    {
        foreach (var answer in new[] { await WalkInAsync(Http), await ScanAsync(Http), await WalkInAsync(Device("forged-" + DeviceSecrets.NewSecret())) })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("DeviceRequired", problem.GetProperty("code").GetString());
            Assert.StartsWith("This device is not a registered kiosk", problem.GetProperty("title").GetString());
        }
        var greek = await Http.PostAsJsonAsync("/api/kiosk/walkins", new WalkInRequest(serviceId, null));
        Assert.StartsWith("Αυτή η συσκευή δεν είναι καταχωρισμένο περίπτερο", (await greek.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(0, await Db(db => db.WalkInTickets.CountAsync()));
    }

    [Fact]
    public async Task WalkInAndCheckIn_WithAKioskCredential_AreAnswered()
    {
        using var kiosk = Device(await App.PairDeviceAsync());
        Assert.Equal(HttpStatusCode.Created, (await WalkInAsync(kiosk)).StatusCode);
        var scan = await ScanAsync(kiosk);
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        Assert.Equal("Unknown", (await scan.Content.ReadFromJsonAsync<CheckInResult>())!.Status);
    }

    [Fact]
    public async Task DisplayCredential_AtTheKioskApi_Is403_NotAKiosk()
    {
        using var display = Device(await App.PairDeviceAsync(DeviceKind.Display, "Wall display"));
        var walkIn = await WalkInAsync(display);
        Assert.Equal(HttpStatusCode.Forbidden, walkIn.StatusCode);
        Assert.Equal("DeviceNotKiosk", await CodeOf(walkIn));
        Assert.Equal(HttpStatusCode.Forbidden, (await ScanAsync(display)).StatusCode);
    }

    [Fact]
    public async Task OnTheDevicesPage_RevokeAsksFirst_NamingTheDevice_AndOnlyTheQuestionsButtonRevokes()
    {
        using var kiosk = Device(await App.PairDeviceAsync(name: "Kiosk entrance"));
        var id = await Db(db => db.Devices.Where(d => d.Name == "Kiosk entrance").Select(d => d.Id).SingleAsync());
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        var asked = await PageForms.SubmitAsync(admin, "/admin/devices", $"id=\"revoke-{id}\"", _ => { });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = await asked.Content.ReadAsStringAsync();
        Assert.Contains("Το περίπτερο «Kiosk entrance» σταματά αμέσως να λειτουργεί", page, StringComparison.Ordinal);
        Assert.Contains($"form=\"revoke-{id}\" name=\"confirm\" value=\"true\">Ναι, ανάκληση", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await WalkInAsync(kiosk)).StatusCode); // nothing revoked yet

        var revoked = await PageForms.PostFormAsync(admin, "/admin/devices?handler=Revoke", new() { ["id"] = $"{id}", ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WalkInAsync(kiosk)).StatusCode);
        Assert.Equal([Core.Audit.AuditOutcome.Asked, Core.Audit.AuditOutcome.Succeeded],
            await Db(db => db.AuditEntries.Where(a => a.Action == "admin.device.revoke").OrderBy(a => a.Id).Select(a => a.Outcome).ToListAsync()));
    }

    [Fact]
    public async Task RevokedKiosk_IsRefusedAtItsNextRequest_AndTheRevocationIsAudited()
    {
        using var kiosk = Device(await App.PairDeviceAsync(name: "Kiosk entrance"));
        Assert.Equal(HttpStatusCode.Created, (await WalkInAsync(kiosk)).StatusCode);
        var admin = await Clerk.LoginAsync(App, "admin@example.org");
        var device = (await admin.Http.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices"))!.Single(d => d.Name == "Kiosk entrance");
        Assert.Equal(DeviceStatus.Active, device.Status);

        // A name past the device's 100 characters is refused with that limit, not another field's.
        var tooLong = await admin.Http.PutAsJsonAsync($"/api/admin/devices/{device.Id}", new RenameDeviceRequest(new string('x', 101)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("100", (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);

        var revoked = await admin.Http.PostAsync($"/api/admin/devices/{device.Id}/revoke", null);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(DeviceStatus.Revoked, (await revoked.Content.ReadFromJsonAsync<DeviceDto>())!.Status);

        Assert.Equal(HttpStatusCode.Unauthorized, (await WalkInAsync(kiosk)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ScanAsync(kiosk)).StatusCode);
        var audit = await Db(db => db.AuditEntries.SingleAsync(a => a.Action == "admin.device.revoke"));
        Assert.Equal((device.Id.ToString(), 200, "Admin"), (audit.Target, audit.Status, audit.ActorRole));
    }

    [Fact]
    public async Task Pairing_CodeApprovedByTheAdmin_NextPollSetsAHashedHttpOnlyCookie_AndTheKioskIssuesTickets()
    {
        using var machine = App.CreateClient();
        var started = await machine.PostAsJsonAsync("/api/devices/pairing", new StartPairingRequest("kiosk"));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var code = (await started.Content.ReadFromJsonAsync<PairingState>())!.Code!;
        Assert.Matches("^[A-Z2-9]{3}-[A-Z2-9]{3}$", code);
        Assert.All(code.Replace("-", ""), c => Assert.Contains(c, DeviceSecrets.CodeAlphabet));
        // Still waiting: the poll shows the same code and no device cookie yet.
        var waiting = await machine.GetAsync("/api/devices/pairing");
        Assert.Equal(("Pending", code), ((await waiting.Content.ReadFromJsonAsync<PairingState>())!.Status, (await machine.GetFromJsonAsync<PairingState>("/api/devices/pairing"))!.Code));
        Assert.Equal(HttpStatusCode.Unauthorized, (await WalkInAsync(machine)).StatusCode);

        var admin = await Clerk.LoginAsync(App, "admin@example.org");
        // Typed as read from the screen: lower case, without the dash.
        var approved = await admin.Http.PostAsJsonAsync("/api/admin/devices", new ApproveDeviceRequest(code.Replace("-", "").ToLowerInvariant(), "Kiosk entrance", null));
        Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        var device = (await approved.Content.ReadFromJsonAsync<DeviceDto>())!;
        Assert.Equal(("Kiosk", DeviceStatus.Waiting), (device.Kind, device.Status));

        var paired = await machine.GetAsync("/api/devices/pairing");
        Assert.Equal("Paired", (await paired.Content.ReadFromJsonAsync<PairingState>())!.Status);
        var cookie = paired.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DeviceCookies.Device + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var secret = cookie.Split(';')[0][(DeviceCookies.Device.Length + 1)..];
        Assert.True(secret.Length >= 22, "at least 128 random bits");
        var stored = await Db(db => db.Devices.SingleAsync(d => d.Id == device.Id));
        Assert.Equal(DeviceSecrets.Hash(secret), stored.SecretHash);
        Assert.NotEqual(secret, stored.SecretHash);
        // Collected once: the pairing is gone, a second poll learns nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await machine.GetAsync("/api/devices/pairing")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await WalkInAsync(machine)).StatusCode);
        var audit = await Db(db => db.AuditEntries.SingleAsync(a => a.Action == "admin.device.approve"));
        Assert.Equal((device.Id.ToString(), 201), (audit.Target, audit.Status));
    }

    [Fact]
    public async Task PairingCode_ExpiresAfterTenMinutes_PollAndApprovalAre404()
    {
        using var machine = App.CreateClient();
        var code = (await (await machine.PostAsJsonAsync("/api/devices/pairing", new StartPairingRequest("kiosk"))).Content.ReadFromJsonAsync<PairingState>())!.Code!;
        App.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var poll = await machine.GetAsync("/api/devices/pairing?culture=en");
        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
        Assert.Equal("PairingUnknown", await CodeOf(poll));
        var admin = await Clerk.LoginAsync(App, "admin@example.org");
        var late = await admin.Http.PostAsJsonAsync("/api/admin/devices", new ApproveDeviceRequest(code, "Kiosk entrance", null));
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Equal(0, await Db(db => db.Devices.CountAsync()));
    }

    [Fact]
    public async Task Approval_OfAnUnknownCode_Is404_OfAMalformedOne400_AndNeitherMakesADevice()
    {
        var admin = await Clerk.LoginAsync(App, "admin@example.org");
        var unknown = await admin.Http.PostAsJsonAsync("/api/admin/devices", new ApproveDeviceRequest("ABC-DEF", "Kiosk entrance", null));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("PairingUnknown", await CodeOf(unknown));
        var malformed = await admin.Http.PostAsJsonAsync("/api/admin/devices", new ApproveDeviceRequest("0O1-IL", "", null));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var fields = (await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(fields.TryGetProperty("code", out _) && fields.TryGetProperty("name", out _));
        Assert.Equal(0, await Db(db => db.Devices.CountAsync()));
        // Refusals are audited as well.
        Assert.Equal(2, await Db(db => db.AuditEntries.CountAsync(a => a.Action == "admin.device.approve" && a.Status >= 400)));
    }

    [Fact]
    public async Task AdminOfOneOffice_CannotApproveForAnother_NorSeeOrRevokeItsDevices()
    {
        var north = await Db(async db =>
        {
            var office = new Office { Slug = "north", NameEl = "Βόρειο γραφείο", NameEn = "North office" };
            db.Offices.Add(office);
            await db.SaveChangesAsync();
            return office.Id;
        });
        await using (var scope = App.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "admin-north@example.org", Email = "admin-north@example.org", EmailConfirmed = true, DisplayName = "North admin", OfficeId = north };
            Assert.True((await users.CreateAsync(user, Clerk.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Admin)).Succeeded);
        }
        var demoOffice = await Db(db => db.Offices.Where(o => o.Slug != "north").Select(o => o.Id).FirstAsync());
        var northAdmin = await Clerk.LoginAsync(App, "admin-north@example.org");
        using var machine = App.CreateClient();
        var code = (await (await machine.PostAsJsonAsync("/api/devices/pairing", new StartPairingRequest("kiosk"))).Content.ReadFromJsonAsync<PairingState>())!.Code!;

        var refused = await northAdmin.Http.PostAsJsonAsync("/api/admin/devices", new ApproveDeviceRequest(code, "Kiosk entrance", demoOffice));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("OtherOffice", await CodeOf(refused));
        Assert.Equal(0, await Db(db => db.Devices.CountAsync()));

        // The demo office's kiosk is none of the north admin's business: not listed, and not found to revoke.
        var demoKiosk = await App.PairDeviceAsync(name: "Demo entrance");
        var demoId = await Db(db => db.Devices.Where(d => d.Name == "Demo entrance").Select(d => d.Id).SingleAsync());
        Assert.Empty((await northAdmin.Http.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await northAdmin.Http.PostAsync($"/api/admin/devices/{demoId}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await WalkInAsync(Device(demoKiosk))).StatusCode);

        // Approved without naming an office, the kiosk is the north office's: it issues no demo-office tickets.
        var approved = await northAdmin.Http.PostAsJsonAsync("/api/admin/devices", new ApproveDeviceRequest(code, "North entrance", null));
        Assert.Equal(north, (await approved.Content.ReadFromJsonAsync<DeviceDto>())!.OfficeId);
        var paired = await machine.GetAsync("/api/devices/pairing");
        Assert.Equal(HttpStatusCode.OK, paired.StatusCode);
        var otherOffice = await machine.PostAsJsonAsync("/api/kiosk/walkins?office=" + await Db(db => db.Offices.Where(o => o.Id == demoOffice).Select(o => o.Slug).SingleAsync()), new WalkInRequest(serviceId, null));
        Assert.Equal(HttpStatusCode.Forbidden, otherOffice.StatusCode);
        Assert.Equal("DeviceOtherOffice", await CodeOf(otherOffice));
    }

    [Fact]
    public async Task TicketsPerKiosk_OverTheLimit_Are429InTheKiosksLanguage_WhileAnotherKioskStillGetsTickets()
    {
        // A lobby printer's pace, lowered to two a minute (the test kit's default is unlimited).
        await using var app = new RantevouApp();
        app.Settings["Rantevou:RateLimits:TicketsPerKioskPerMinute"] = "2";
        using var entrance = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).AsDevice(await app.PairDeviceAsync(name: "Entrance"));
        using var upstairs = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).AsDevice(await app.PairDeviceAsync(name: "Upstairs"));

        Assert.Equal(HttpStatusCode.Created, (await WalkInAsync(entrance)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await WalkInAsync(entrance)).StatusCode);
        var third = await WalkInAsync(entrance);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var problem = await third.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("TooManyTickets", problem.GetProperty("code").GetString());
        Assert.StartsWith("This kiosk has just issued many tickets", problem.GetProperty("title").GetString());
        var greek = await entrance.PostAsJsonAsync("/api/kiosk/walkins", new WalkInRequest(serviceId, null));
        Assert.StartsWith("Το περίπτερο εξέδωσε πολλούς αριθμούς", (await greek.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        Assert.Equal(HttpStatusCode.Created, (await WalkInAsync(upstairs)).StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.WalkInTickets.CountAsync()));
    }

    [Fact]
    public async Task MadeUpCredentials_EachRequestAnother_StillMeetTheLimitPerAddress()
    {
        await using var app = new RantevouApp();
        app.Settings["Rantevou:RateLimits:KioskPerMinute"] = "3";
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/walkins") { Content = JsonContent.Create(new WalkInRequest(serviceId, null)) };
            request.Headers.Add("Cookie", $"{DeviceCookies.Device}={Guid.NewGuid():N}");
            answers.Add((await http.SendAsync(request)).StatusCode);
        }
        // Each made-up credential would open a window of its own per kiosk; the address's window closes all the same.
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task KioskCookiePost_FromAnotherOrigin_IsRefusedBySameOriginGuard()
    {
        using var kiosk = Device(await App.PairDeviceAsync());
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/walkins?culture=en") { Content = JsonContent.Create(new WalkInRequest(serviceId, null)) };
        request.Headers.Add("Origin", "http://evil.example");
        var answer = await kiosk.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal("CrossOrigin", await CodeOf(answer));
        Assert.Equal(0, await Db(db => db.WalkInTickets.CountAsync()));
    }
}

/// <summary>The same devices on PostgreSQL: the conditional updates of approval and collection, the unique codes.</summary>
[Trait("Database", "PostgreSql")]
public sealed class RegisteredDevicesTestsOnPostgres : RegisteredDevicesTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
