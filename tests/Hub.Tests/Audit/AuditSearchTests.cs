using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Audit;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Audit;

/// <summary>R12: administrators — and only they — search the audit log by actor, action, target, person and Athens dates, newest first.</summary>
public sealed class AuditSearchTests : LiveDayTest
{
    /// <summary>
    /// Entries as the recorder writes them. 2 Dec 2026 00:30 in Athens is 1 Dec 22:30 UTC: the Athens date, not the UTC
    /// one, decides the day.
    /// </summary>
    async Task SeedAsync() => await App.WithDbAsync(async db =>
    {
        AuditEntry E(string utc, string actor, string role, string action, string? target, int status) => new()
        {
            AtUtc = DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc),
            ActorId = "id-" + actor,
            ActorName = actor,
            ActorRole = role,
            Action = action,
            Target = target,
            Status = status,
            Outcome = AuditRecorder.OutcomeOf(status),
            Channel = AuditChannel.Api,
            ClientIp = "10.0.0.1",
        };
        db.AuditEntries.AddRange(
            E("2026-11-30T21:59:00", "clerk1@example.org", "Clerk", "desk.call-next", "1", 200),    // 30 Nov 23:59 Athens
            E("2026-11-30T22:00:00", "clerk1@example.org", "Clerk", "booking.void", "ABCDEFGH", 200), // 1 Dec 00:00 Athens
            E("2026-12-01T22:30:00", "clerk2@example.org", "Clerk", "desk.call-next", "2", 200),    // 2 Dec 00:30 Athens
            E("2026-12-02T09:00:00", "admin@example.org", "Admin", "admin.service.update", "5", 409),
            E("2026-12-02T10:00:00", "admin@example.org", "Admin", "admin.settings.update", null, 200));
        await db.SaveChangesAsync();
        return 0;
    });

    async Task<AuditPageDto> SearchAsync(HttpClient admin, string query)
    {
        var response = await admin.GetAsync("/api/admin/audit" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AuditPageDto>())!;
    }

    [Fact]
    public async Task Search_FiltersByActorActionTargetAndAthensDates_NewestFirst()
    {
        await SeedAsync();
        var admin = (await Clerk.LoginAsync(App, "admin@example.org")).Http;

        var all = await SearchAsync(admin, "");
        // The admin's own sign-in is not an action; the five seeded entries come back newest first.
        Assert.Equal(["admin.settings.update", "admin.service.update", "desk.call-next", "booking.void", "desk.call-next"], all.Items.Select(i => i.Action));
        Assert.Equal((5, 1, AuditSearch.PageSize), (all.Total, all.Page, all.PageSize));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.FromHours(2)), all.Items[0].At);
        Assert.Equal(TimeSpan.FromHours(2), all.Items[0].At.Offset);

        Assert.Equal(["booking.void", "desk.call-next"], (await SearchAsync(admin, "?actor=clerk1@example.org")).Items.Select(i => i.Action));
        // However the address is typed.
        Assert.Equal(["booking.void", "desk.call-next"], (await SearchAsync(admin, "?actor=CLERK1@Example.org")).Items.Select(i => i.Action));
        Assert.Equal(["clerk2@example.org", "clerk1@example.org"], (await SearchAsync(admin, "?action=desk.call-next")).Items.Select(i => i.ActorName));
        Assert.Equal(["admin.settings.update", "admin.service.update"], (await SearchAsync(admin, "?action=admin.")).Items.Select(i => i.Action));
        Assert.Equal("booking.void", Assert.Single((await SearchAsync(admin, "?target=ABCDEFGH")).Items).Action);
        Assert.Equal("Refused", Assert.Single((await SearchAsync(admin, "?target=5")).Items).Outcome);

        // Athens days: 1 December holds only the void at 00:00; 2 December starts at 00:00 Athens (22:00 UTC the day before).
        Assert.Equal(["booking.void"], (await SearchAsync(admin, "?from=2026-12-01&to=2026-12-01")).Items.Select(i => i.Action));
        Assert.Equal(["clerk2@example.org", "admin@example.org", "admin@example.org"],
            (await SearchAsync(admin, "?from=2026-12-02")).Items.Select(i => i.ActorName).Reverse());
        Assert.Equal(["desk.call-next"], (await SearchAsync(admin, "?to=2026-11-30")).Items.Select(i => i.Action));
        Assert.Equal(["desk.call-next"], (await SearchAsync(admin, "?actor=clerk2@example.org&action=desk.call-next&from=2026-12-02&to=2026-12-02")).Items.Select(i => i.Action));
    }

    [Fact]
    public async Task Search_ByPerson_FindsEveryActionOnTheirBookings_WhateverTheirPlusTagOrGmailDots()
    {
        var service = (await Http.ServicesAsync())[0].Id;
        var starts = (await Http.AvailabilityAsync(service, new DateOnly(2026, 12, 2))).Select(s => s.Start).ToList();
        var work = await Http.BookOkAsync(service, starts[0], email: "maria.p+work@gmail.com");
        var home = await Http.BookOkAsync(service, starts[3], email: "MariaP@gmail.com");
        var other = await Http.BookOkAsync(service, starts[6], email: "mariap@example.org");
        await App.WithDbAsync(async db =>
        {
            AuditEntry E(int minute, string action, string target) => new()
            {
                AtUtc = new DateTime(2026, 12, 1, 7, minute, 0, DateTimeKind.Utc),
                ActorId = "c",
                ActorName = "clerk1@example.org",
                ActorRole = "Clerk",
                Action = action,
                Target = target,
                Status = 200,
            };
            // A code in an address may be typed with its dash or without it.
            db.AuditEntries.AddRange(E(1, "booking.void", work.Code), E(2, "booking.document.upload", BookingCode.Display(home.Code)),
                E(3, "booking.void", other.Code), E(4, "desk.call-next", "1"));
            return await db.SaveChangesAsync();
        });
        var admin = (await Clerk.LoginAsync(App, "admin@example.org")).Http;

        foreach (var person in new[] { "mariap@gmail.com", "maria.p@gmail.com", "Maria.P+anything@Gmail.com" })
        {
            var found = await SearchAsync(admin, "?person=" + Uri.EscapeDataString(person));
            Assert.Equal(["booking.document.upload", "booking.void"], found.Items.Select(i => i.Action));
            Assert.Equal([BookingCode.Display(home.Code), work.Code], found.Items.Select(i => i.Target));
        }
        Assert.Equal(other.Code, Assert.Single((await SearchAsync(admin, "?person=mariap@example.org")).Items).Target);
        Assert.Empty((await SearchAsync(admin, "?person=nobody@example.org")).Items);
    }

    [Fact]
    public async Task Search_IsPaged_FiftyAtATime()
    {
        await App.WithDbAsync(async db =>
        {
            for (var i = 0; i < 55; i++)
                db.AuditEntries.Add(new AuditEntry
                {
                    AtUtc = new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                    ActorId = "c",
                    ActorName = "clerk1@example.org",
                    ActorRole = "Clerk",
                    Action = "desk.complete",
                    Target = i.ToString(),
                    Status = 200,
                });
            return await db.SaveChangesAsync();
        });
        var admin = (await Clerk.LoginAsync(App, "admin@example.org")).Http;
        var first = await SearchAsync(admin, "?action=desk.complete");
        var second = await SearchAsync(admin, "?action=desk.complete&page=2");
        Assert.Equal((55, 50, "54"), (first.Total, first.Items.Count, first.Items[0].Target));
        Assert.Equal(["4", "3", "2", "1", "0"], second.Items.Select(i => i.Target));
        Assert.Empty((await SearchAsync(admin, "?action=desk.complete&page=3")).Items);
    }

    public static TheoryData<string, HttpStatusCode, string, string?> BadInput() => new()
    {
        { "?from=2026-13-01", HttpStatusCode.BadRequest, MessageKeys.Invalid, "from" },
        { "?to=1.12.2026", HttpStatusCode.BadRequest, MessageKeys.Invalid, "to" },
        { "?from=0001-01-01", HttpStatusCode.BadRequest, MessageKeys.Invalid, "from" },
        { "?page=0", HttpStatusCode.BadRequest, MessageKeys.Invalid, "page" },
        { "?page=x", HttpStatusCode.BadRequest, MessageKeys.Invalid, "page" },
        { "?actor=" + new string('a', 129), HttpStatusCode.BadRequest, MessageKeys.Invalid, "actor" },
        { "?person=not-an-email", HttpStatusCode.BadRequest, MessageKeys.Invalid, "person" },
        { "?from=2026-12-02&to=2026-12-01", HttpStatusCode.UnprocessableEntity, MessageKeys.DateRangeInvalid, null },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Search_BadInput_IsAProblem_InTheRequestsLanguage(string query, HttpStatusCode status, string code, string? field)
    {
        var admin = await Clerk.LoginAsync(App, "admin@example.org");
        foreach (var language in ProblemAssert.Languages)
        {
            var request = ProblemAssert.Request(language, HttpMethod.Get, "/api/admin/audit" + query);
            request.Headers.Authorization = admin.Http.DefaultRequestHeaders.Authorization;
            await ProblemAssert.IsAsync(await App.CreateClient().SendAsync(request), status, code, language, field);
        }
    }

    [Fact]
    public async Task NonAdmins_Get401Or403FromTheApi_AndAreTurnedAwayFromThePage()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.GetAsync("/api/admin/audit")).StatusCode);
        foreach (var who in new[] { "clerk1@example.org", "agent@example.org", "school@example.org" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await Clerk.LoginAsync(App, who)).Http.GetAsync("/api/admin/audit")).StatusCode);

        var clerk = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await clerk.GetAsync("/admin/audit");
        Assert.StartsWith("/account/login", login.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var clerkToken = (await Clerk.LoginAsync(App, "clerk1@example.org")).Http.DefaultRequestHeaders.Authorization;
        clerk.DefaultRequestHeaders.Authorization = clerkToken;
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task ThePage_ShowsEntriesInAthensTime_FilteredByTheForm_InGreekAndEnglish()
    {
        await SeedAsync();
        var admin = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        admin.DefaultRequestHeaders.Authorization = (await Clerk.LoginAsync(App, "admin@example.org")).Http.DefaultRequestHeaders.Authorization;

        var greek = await (await admin.GetAsync("/admin/audit?action=booking.void")).Content.ReadAsStringAsync();
        Assert.Contains("Αρχείο ενεργειών", greek, StringComparison.Ordinal);
        Assert.Contains("ABCDEFGH", greek, StringComparison.Ordinal);
        Assert.DoesNotContain("admin.settings.update", greek, StringComparison.Ordinal);
        // In words (with the key beneath, for the search field), not only as keys.
        Assert.Contains("Ραντεβού άκυρο: λάθος ή ελλιπή στοιχεία", greek, StringComparison.Ordinal);
        Assert.Contains("<td>Υπάλληλος</td>", greek, StringComparison.Ordinal);
        Assert.Contains("Εφαρμογή (API)", greek, StringComparison.Ordinal);
        // 30 Nov 22:00 UTC is 1 December 00:00 in Athens.
        var time = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(greek, "<time[^>]*>[^<]*</time>").Value);
        Assert.Equal("<time datetime=\"2026-12-01T00:00:00.0000000+02:00\">Τρίτη 1 Δεκεμβρίου 2026, 00:00</time>", time);

        var english = await admin.GetAsync("/admin/audit?culture=en&from=2026-12-02&to=2026-12-01");
        var html = await english.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Contains("Audit log", html, StringComparison.Ordinal);
        Assert.Contains("The \"to\" date is before the \"from\" date.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        // The admin pages link to it.
        var overview = await admin.GetAsync("/admin");
        var overviewHtml = await overview.Content.ReadAsStringAsync();
        Assert.True(overview.StatusCode == HttpStatusCode.OK && overviewHtml.Contains("href=\"/admin/audit", StringComparison.Ordinal), $"{(int)overview.StatusCode}: {overviewHtml}");
    }
}
