using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Booking;
using Rantevou.Contracts.Documents;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Accounts;
using Rantevou.Core.Booking;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Demo;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Hub.Tests.Documents;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Accounts;

/// <summary>
/// Staff act in their own office only (OfficeScope): a second office with its own desk, booking, uploaded file and
/// clerk is made here. Another office's desk is 403 <c>OtherOffice</c>; another office's booking is 404, as if unknown.
/// </summary>
public sealed class OfficeScopeTests : AppTest
{
    const string NorthClerk = "clerk-north@example.org";
    const string Director = "director@example.org";

    int northDesk;
    int demoDesk;
    BookingCreatedDto north = null!;
    Guid northFile;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        demoDesk = await Db(db => db.Desks.Where(d => d.Number == 1 && db.Offices.Any(o => o.Id == d.OfficeId && o.Slug == DemoSeeder.OfficeSlug)).Select(d => d.Id).SingleAsync());
        var serviceId = await Db(async db =>
        {
            var office = new Office { Slug = "north", NameEl = "Βόρειο γραφείο", NameEn = "North office" };
            for (var day = DayOfWeek.Monday; day <= DayOfWeek.Friday; day++)
                office.Hours.Add(new WorkingHours { Day = day, Open = new TimeOnly(8, 0), Close = new TimeOnly(14, 0) });
            office.Desks.Add(new Desk { Number = 1, NameEl = "Θυρίδα Β1", NameEn = "Desk N1" });
            db.Offices.Add(office);
            await db.SaveChangesAsync();
            var group = new ServiceGroup { OfficeId = office.Id, NameEl = "Άδειες", NameEn = "Licences" };
            var service = new Service { OfficeId = office.Id, Group = group, NameEl = "Ανανέωση", NameEn = "Renewal", DurationMinutes = 20 };
            db.Services.Add(service);
            await db.SaveChangesAsync();
            northDesk = office.Desks[0].Id;
            db.DeskServices.Add(new DeskService { DeskId = northDesk, ServiceId = service.Id });
            await db.SaveChangesAsync();
            return service.Id;
        });
        await using (var scope = App.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var northOffice = await Db(db => db.Offices.Where(o => o.Slug == "north").Select(o => o.Id).SingleAsync());
            await CreateAsync(users, NorthClerk, Roles.Clerk, northOffice);
            await CreateAsync(users, Director, Roles.Admin, null);
        }
        // A clerk acts only at the desks assigned to them.
        await Db(async db =>
        {
            db.StaffDesks.Add(new StaffDesk { UserId = await db.Users.Where(u => u.Email == NorthClerk).Select(u => u.Id).SingleAsync(), DeskId = northDesk });
            return await db.SaveChangesAsync();
        });
        var booked = await Http.BookAsync(serviceId, new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(2)));
        Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        north = (await booked.Content.ReadFromJsonAsync<BookingCreatedDto>())!;
        var file = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Pdf()), "file", "άδεια.pdf" } };
        var uploaded = await Http.PostAsync($"/api/bookings/{north.Code}/documents?token={Uri.EscapeDataString(north.ManageToken)}", file);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        northFile = (await uploaded.Content.ReadFromJsonAsync<DocumentDto>())!.Id;
    }

    [Fact]
    public async Task ClerkOfOneOffice_IsForbiddenAnotherOfficesDesk_AndCannotFindItsBookings()
    {
        var clerk = await Clerk.LoginAsync(App, "clerk1@example.org");
        await ProblemAssert.IsAsync(await clerk.Http.GetAsync($"/api/desks/{northDesk}/day"), HttpStatusCode.Forbidden, MessageKeys.OtherOffice, "en-header");
        foreach (var action in new[] { "call-next", "complete", "no-show", "interrupt", "recall", "defer" })
            await ProblemAssert.IsAsync(await clerk.PostAsync(northDesk, action), HttpStatusCode.Forbidden, MessageKeys.OtherOffice, "en-header");

        var voided = await clerk.Http.PostAsJsonAsync($"/api/bookings/{north.Code}/void", new VoidRequest("wrong details"));
        await ProblemAssert.IsAsync(voided, HttpStatusCode.NotFound, MessageKeys.BookingNotFound, "en-header");
        Assert.Equal(BookingStatus.Pending, (await BookingAsync(BookingCode.Normalize(north.Code)!)).Status);
        await ProblemAssert.IsAsync(await clerk.Http.GetAsync($"/api/staff/bookings/{north.Code}/documents"),
            HttpStatusCode.NotFound, MessageKeys.BookingNotFound, "en-header");
        await ProblemAssert.IsAsync(await clerk.Http.GetAsync($"/api/staff/bookings/{north.Code}/documents/{northFile}"),
            HttpStatusCode.NotFound, MessageKeys.BookingNotFound, "en-header");

        // Their own office is untouched by the rule.
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.GetAsync($"/api/desks/{demoDesk}/day")).StatusCode);
    }

    [Fact]
    public async Task OfficesOwnClerk_ActsThere_AndAnAdminOfAnotherOfficeDoesNot()
    {
        var clerk = await Clerk.LoginAsync(App, NorthClerk);
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.GetAsync($"/api/desks/{northDesk}/day")).StatusCode);
        var files = (await clerk.Http.GetFromJsonAsync<List<DocumentDto>>($"/api/staff/bookings/{north.Code}/documents"))!;
        Assert.Equal(("άδεια.pdf", "application/pdf"), (Assert.Single(files).Name, files[0].ContentType));
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.GetAsync($"/api/staff/bookings/{north.Code}/documents/{northFile}")).StatusCode);
        await ProblemAssert.IsAsync(await clerk.Http.GetAsync($"/api/desks/{demoDesk}/day"), HttpStatusCode.Forbidden, MessageKeys.OtherOffice, "en-header");

        var demoAdmin = await Clerk.LoginAsync(App, "admin@example.org");
        await ProblemAssert.IsAsync(await demoAdmin.Http.GetAsync($"/api/desks/{northDesk}/day"), HttpStatusCode.Forbidden, MessageKeys.OtherOffice, "en-header");
        Assert.Equal(HttpStatusCode.NotFound, (await demoAdmin.Http.GetAsync($"/api/staff/bookings/{north.Code}/documents")).StatusCode);
    }

    [Fact]
    public async Task DirectoratesAdmin_WithoutAnOffice_ActsInEveryOffice()
    {
        var director = await Clerk.LoginAsync(App, Director);
        Assert.Equal(HttpStatusCode.OK, (await director.Http.GetAsync($"/api/desks/{northDesk}/day")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await director.Http.GetAsync($"/api/desks/{demoDesk}/day")).StatusCode);
        Assert.Single((await director.Http.GetFromJsonAsync<List<DocumentDto>>($"/api/staff/bookings/{north.Code}/documents"))!);
    }

    [Fact]
    public async Task DirectoratesAdmin_ChoosesTheOfficeThePagesShow_AndInvitesStaffThere()
    {
        var director = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signedIn = await PageForms.PostFormAsync(director, "/account/login",
            new() { ["Email"] = Director, ["Password"] = Clerk.Password, ["ReturnUrl"] = "/admin" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var northOffice = await Db(db => db.Offices.Where(o => o.Slug == "north").Select(o => o.Id).SingleAsync());

        var first = await director.GetStringAsync("/admin/desks");
        Assert.Contains("id=\"office-choice\"", first, StringComparison.Ordinal);
        Assert.Contains(">Βόρειο γραφείο</option>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Θυρίδα Β1", first, StringComparison.Ordinal);
        Assert.Contains("Θυρίδα Β1", await director.GetStringAsync("/admin/desks?office=north"), StringComparison.Ordinal);

        // The choice holds for the other pages and their forms: the staff page lists the north office's clerk, and a
        // clerk invited there belongs to the north office.
        Assert.Contains(NorthClerk, await director.GetStringAsync("/admin/staff"), StringComparison.Ordinal);
        var invited = await PageForms.PostFormAsync(director, "/admin/staff",
            new() { ["Email"] = "new.north@example.org", ["DisplayName"] = "Νέος υπάλληλος", ["Role"] = Roles.Clerk });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Equal(northOffice, await Db(db => db.Users.Where(u => u.Email == "new.north@example.org").Select(u => u.OfficeId).SingleAsync()));
        // Told what happened, and the audit log names the account by its email, not its internal id.
        Assert.Contains("Στάλθηκε πρόσκληση στο new.north@example.org", await director.GetStringAsync("/admin/staff"), StringComparison.Ordinal);
        Assert.Equal("new.north@example.org", await Db(db => db.AuditEntries.Where(a => a.Action == "admin.staff.create").Select(a => a.Target).SingleAsync()));

        // An office's own administrator has no office to choose, whatever the address asks for.
        var own = await PageForms.SignInAsync(App, "admin@example.org");
        var html = await own.GetStringAsync("/admin/desks?office=north");
        Assert.DoesNotContain("office-choice", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Θυρίδα Β1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClerkPage_ShowsOnlyTheOwnOfficesDesks_WithThePanelForUploadedFiles()
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.GetStringAsync("/account/login");
        var token = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = NorthClerk,
            ["Password"] = Clerk.Password,
            ["ReturnUrl"] = "/clerk",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var html = await client.GetStringAsync("/clerk?desk=1");
        Assert.Contains($"data-desk-id=\"{northDesk}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-office=\"north\"", html, StringComparison.Ordinal);
        Assert.Contains("data-time-zone=\"Europe/Athens\"", html, StringComparison.Ordinal);
        Assert.Contains("Θυρίδα Β1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Θυρίδα 2", html, StringComparison.Ordinal);
        // R10: the files the person uploaded are listed beside the checklist.
        Assert.Contains("id=\"cur-uploads\"", html, StringComparison.Ordinal);
        Assert.Contains("Αρχεία που ανέβηκαν", html, StringComparison.Ordinal);
    }

    async Task<HubConnection> ConnectAsync(string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Server.BaseAddress, HubPaths.Queue), o =>
            {
                o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    static async Task CreateAsync(UserManager<AppUser> users, string email, string role, int? office)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, OfficeId = office };
        Assert.True((await users.CreateAsync(user, Clerk.Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
    }
}
