using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Booking;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Abuse;

/// <summary>R12: one person (email or mobile) cannot hoard slots, even in a concurrent burst.</summary>
public class PersonLimitTests : IDisposable
{
    static readonly DateOnly Day = new(2026, 12, 3);
    readonly RantevouApp app;

    public PersonLimitTests() : this(TestDatabase.Sqlite)
    {
    }

    protected PersonLimitTests(TestDatabase database)
    {
        app = new RantevouApp { Database = database };
        app.Settings["Rantevou:Limits:ActivePerService"] = "1";
        app.Settings["Rantevou:Limits:PerDay"] = "2";
        app.Settings["Rantevou:Limits:NoShowLimit"] = "2";
    }

    public void Dispose()
    {
        app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task SecondBookingOfAService_BySameEmailOrMobile_IsRefused_UntilTheFirstIsCancelled()
    {
        var http = app.CreateClient();
        var service = (await http.ServicesAsync()).First();
        var slots = await http.AvailabilityAsync(service.Id, Day);
        var first = await http.BookOkAsync(service.Id, slots[0].Start, "eleni@example.org");

        var sameEmail = await Book(http, service.Id, slots[12].Start, "ELENI@example.org", "6900000001");
        var sameMobile = await Book(http, service.Id, slots[24].Start, "other@example.org", "6941234567");
        Assert.Equal((HttpStatusCode.Conflict, "PersonServiceLimit"), await Code(sameEmail));
        Assert.Equal((HttpStatusCode.Conflict, "PersonServiceLimit"), await Code(sameMobile));

        var cancel = await http.PostAsync($"/api/bookings/{first.Code}/cancel?token={first.ManageToken}", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Book(http, service.Id, slots[12].Start, "eleni@example.org", "6941234567")).StatusCode);
    }

    [Fact]
    public async Task PlusTagsAndGmailDots_OfOneInbox_DoNotMakeANewPerson()
    {
        var http = app.CreateClient();
        var service = (await http.ServicesAsync()).First();
        var slots = await http.AvailabilityAsync(service.Id, Day);
        await http.BookOkAsync(service.Id, slots[0].Start, "maria.papa@gmail.com");

        var tagged = await Book(http, service.Id, slots[12].Start, "maria.papa+2@gmail.com", "6900000002");
        var dotted = await Book(http, service.Id, slots[24].Start, "Maria.P.a.pa+x@GoogleMail.com", "6900000003");
        Assert.Equal((HttpStatusCode.Conflict, "PersonServiceLimit"), await Code(tagged));
        Assert.Equal((HttpStatusCode.Conflict, "PersonServiceLimit"), await Code(dotted));
        // Dots matter elsewhere: another provider's m.aria is another inbox.
        Assert.Equal(HttpStatusCode.Created, (await Book(http, service.Id, slots[36].Start, "maria.papa@example.org", "6900000004")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Book(http, service.Id, slots[48].Start, "mariapapa@example.org", "6900000005")).StatusCode);
    }

    [Fact]
    public async Task ThirdBookingForOneDay_OverAllServices_IsRefused()
    {
        var http = app.CreateClient();
        var services = await http.ServicesAsync();
        var answers = new List<HttpResponseMessage>();
        foreach (var (service, i) in services.Take(3).Select((s, i) => (s, i)))
            answers.Add(await Book(http, service.Id, (await http.AvailabilityAsync(service.Id, Day))[i * 12].Start, "nikos@example.org", "6977777777"));
        Assert.Equal(HttpStatusCode.Created, answers[0].StatusCode);
        Assert.Equal(HttpStatusCode.Created, answers[1].StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "PersonDayLimit"), await Code(answers[2]));
    }

    [Fact]
    public async Task MistypedEmail_ThenTheRightOne_IsRefusedBesideTheMobile_UntilTheHoldRunsOut_ThenBooks()
    {
        var http = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var service = (await http.ServicesAsync()).First();
        var slots = await http.AvailabilityAsync(service.Id, Day);
        var typo = await Book(http, service.Id, slots[0].Start, "kostas.a@gmial.com", "6944111222");
        var code = (await typo.Content.ReadFromJsonAsync<BookingCreatedDto>())!.Code;
        var hold = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == code).Select(b => b.HoldUntilUtc!.Value).SingleAsync());
        var holdText = TimeZoneInfo.ConvertTimeFromUtc(hold, TimeZoneInfo.FindSystemTimeZoneById("Europe/Athens")).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var start = slots[12].Start.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, string> Form() => new()
        {
            ["start"] = start,
            ["FullName"] = "Κώστας Αλεξίου",
            ["Email"] = "kostas.a@gmail.com",
            ["Mobile"] = "6944111222",
        };

        // The API says which detail found the person, and until when the unconfirmed booking holds (R12).
        var api = await Book(http, service.Id, slots[12].Start, "kostas.a@gmail.com", "6944111222");
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.Conflict, "PersonServiceLimit"), (api.StatusCode, problem.GetProperty("code").GetString()));
        Assert.True(problem.GetProperty("errors").TryGetProperty("mobile", out _));
        Assert.Contains(holdText, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The page says it beside the mobile, not the email the person just corrected.
        var page = WebUtility.HtmlDecode(await (await Hub.Tests.Support.PageForms.PostFormAsync(http, $"/book/{service.Id}/details?start={start}", Form()))
            .Content.ReadAsStringAsync());
        var mobileError = System.Text.RegularExpressions.Regex.Match(page, "id=\"mobile-error\">(.*?)</p>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(mobileError.Success, "no error beside the mobile");
        Assert.Contains($"μπορείτε να κλείσετε νέο ραντεβού μετά τις {holdText}", mobileError.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"email-error\"", page, StringComparison.Ordinal);

        // Once the hold has run out it holds nothing, even before the release job has run.
        app.Clock.SetUtcNow(new DateTimeOffset(hold, TimeSpan.Zero));
        var after = await Hub.Tests.Support.PageForms.PostFormAsync(http, $"/book/{service.Id}/details?start={start}", Form());
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task ConcurrentBurst_ByOnePerson_GetsExactlyOneBooking()
    {
        var http = app.CreateClient();
        var service = (await http.ServicesAsync()).First();
        var slots = await http.AvailabilityAsync(service.Id, Day);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Book(http, service.Id, slots[i * 3].Start, "burst@example.org", "6988888888")));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.Bookings.Count(b => b.Email == "burst@example.org"))));
    }

    [Fact]
    public async Task RepeatedNoShows_PauseOnlineBooking_ForThatPerson()
    {
        var http = app.CreateClient();
        var services = await http.ServicesAsync();
        var made = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var r = await Book(http, services[i].Id, (await http.AvailabilityAsync(services[i].Id, Day))[0].Start, "absent@example.org", "6933333333");
            made.Add((await r.Content.ReadFromJsonAsync<BookingCreatedDto>())!.Code);
        }
        // R12: the clerk recorded both as no-shows.
        await app.WithDbAsync(db => db.Bookings.Where(b => made.Contains(b.Code))
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, Core.Booking.BookingStatus.NoShow)));

        var again = await Book(http, services[2].Id, (await http.AvailabilityAsync(services[2].Id, Day.AddDays(1)))[0].Start, "absent@example.org", "6911111111");
        Assert.Equal((HttpStatusCode.Conflict, "NoShowBlocked"), await Code(again));
        var someoneElse = await Book(http, services[2].Id, (await http.AvailabilityAsync(services[2].Id, Day.AddDays(1)))[0].Start, "present@example.org", "6922222222");
        Assert.Equal(HttpStatusCode.Created, someoneElse.StatusCode);
    }

    [Fact]
    public async Task OnTheBookingPages_APersonsLimit_KeepsThemOnTheirDetails_WithWhatTheyTyped_AndSaysWhy()
    {
        var http = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var service = (await http.ServicesAsync()).First();
        var slots = await http.AvailabilityAsync(service.Id, Day);
        await http.BookOkAsync(service.Id, slots[0].Start, "eleni@example.org");
        var start = slots[12].Start.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var again = await Hub.Tests.Support.PageForms.PostFormAsync(http, $"/book/{service.Id}/details?start={start}", new()
        {
            ["start"] = start,
            ["FullName"] = "Ελένη Γεωργίου",
            ["Email"] = "eleni@example.org",
            ["Mobile"] = "6900000009",
        });

        // Not sent back to choose a time, which would not help and would lose the details.
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        Assert.Contains("Έχετε ήδη ενεργό ραντεβού για αυτή την υπηρεσία", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Ελένη Γεωργίου\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"6900000009\"", page, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    static Task<HttpResponseMessage> Book(HttpClient http, int serviceId, DateTimeOffset start, string email, string mobile) =>
        http.PostAsJsonAsync("/api/bookings", new CreateBookingRequest(serviceId, start.ToString("O"), "Ελένη Γεωργίου", email, mobile));

    static async Task<(HttpStatusCode, string?)> Code(HttpResponseMessage r) =>
        (r.StatusCode, (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
}

/// <summary>The same limits on PostgreSQL: the person's bookings are read by one statement each database plans itself.</summary>
[Trait("Database", "PostgreSql")]
public sealed class PersonLimitTestsOnPostgres : PersonLimitTests
{
    public PersonLimitTestsOnPostgres() : base(TestDatabase.PostgreSql)
    {
    }
}
