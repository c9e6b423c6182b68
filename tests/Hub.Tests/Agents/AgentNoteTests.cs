using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Agents;
using Rantevou.Contracts.Booking;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Agents;

/// <summary>
/// R7: a school that books for itself notes whom each booking is for (a pupil's name); it finds its bookings by the
/// note, and the clerk who serves the booking reads it. The note never reaches public screens or the mail.
/// </summary>
public sealed class AgentNoteTests : LiveDayTest
{
    const string Note = "Μαθητής: Γιώργος Παπαδάκης";

    [Fact]
    public async Task TheSchoolsNote_IsInItsList_FindsTheBooking_AndTheClerkReadsIt_ButNotTheDisplayOrTheMail()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var renewal = await ServiceAsync("Driving licence renewal");
        var school = (await Clerk.LoginAsync(App, "school@example.org")).Http;

        var response = await school.PostAsJsonAsync("/api/agent/bookings",
            new AgentBookingRequest(renewal, Wed(9, 0).ToString("O"), null, "  Μαθητής:   Γιώργος\nΠαπαδάκης "));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<BookingCreatedDto>())!;
        Assert.Equal(desk, created.DeskId);

        var listed = (await school.GetFromJsonAsync<List<AgentBookingDto>>("/api/agent/bookings?date=2026-12-02"))!.Single();
        Assert.Equal(Note, listed.Note);
        var found = await school.GetFromJsonAsync<List<AgentBookingDto>>($"/api/agent/bookings?q={Uri.EscapeDataString("παπαδακης")}");
        Assert.Equal([created.Code], found!.Select(b => b.Code));

        At(8, 55);
        var clerk = await ClerkAsync();
        Assert.Equal(Note, (await clerk.DayAsync(desk)).Appointments.Single().Note);
        await ScanAsync(App.Tokens.QrText(created.Code));
        At(9, 0);
        Assert.Equal(Note, (await clerk.CallNextAsync(desk))!.Note);

        var mail = (await MailAsync(1)).Single();
        Assert.DoesNotContain("Παπαδάκης", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Παπαδάκης", await Http.GetStringAsync("/api/queue/snapshot"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoteTooLong_IsRefusedInGreekOnItsField_AndNothingIsBooked()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        var school = (await Clerk.LoginAsync(App, "school@example.org")).Http;
        school.DefaultRequestHeaders.AcceptLanguage.Clear();

        var response = await school.PostAsJsonAsync("/api/agent/bookings",
            new AgentBookingRequest(renewal, Wed(9, 0).ToString("O"), null, new string('α', 101)));

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "Invalid", "el", "note");
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("Η σημείωση χωρά έως 100 χαρακτήρες.", problem.GetProperty("errors").GetProperty("note")[0].GetString());
        Assert.Equal(0, await App.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task ThePortalForm_KeepsTheNote_AndListsItUnderWhomTheBookingIsFor()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        var school = await PageForms.SignInAsync(App, "school@example.org");

        var booked = await PageForms.PostFormAsync(school, "/agent", new()
        {
            ["ServiceId"] = renewal.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Date"] = "2026-12-02",
            ["Time"] = "09:00",
            ["ForCitizen"] = "false",
            ["Note"] = Note,
        });

        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var list = await school.GetStringAsync(booked.Headers.Location!.OriginalString);
        Assert.Contains($"<span class=\"hint\">{Note}</span>", WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        Assert.Equal(Note, await App.WithDbAsync(db => db.Bookings.Select(b => b.AgentNote).SingleAsync()));
    }
}
