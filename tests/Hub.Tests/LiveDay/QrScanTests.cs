using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Rantevou.Contracts.Booking;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>The kiosk reads whatever is held to it: garbage, forgeries and replays get a clear answer and change nothing.</summary>
public sealed class QrScanTests(SharedOffice shared) : LiveDayTest(shared), IClassFixture<SharedOffice>
{
    /// <summary>Wednesday 08:30: each test has its own bookings, made the day before.</summary>
    sealed record Day(Booked OnTime, Booked Replayed, Booked Cancelled, Booked Voided, string Pending, Booked Tomorrow);

    Day day = null!;
    Booked onTime = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        day = await Shared!.OnceAsync(PrepareAsync);
        onTime = day.OnTime;
    }

    async Task<Day> PrepareAsync()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        var onTime = await BookAsync(renewal, Wed(9, 0), "ontime");
        var replayed = await BookAsync(renewal, Wed(9, 0), "replayed");
        var cancelled = await BookAsync(renewal, Wed(9, 30), "cancelled");
        var manage = App.Tokens.Manage(cancelled.Id);
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"/api/bookings/{cancelled.Code}/cancel?token={manage}", null)).StatusCode);
        var voided = await BookAsync(renewal, Wed(10, 0), "voided");
        var pending = (await Http.BookOkAsync(renewal, Wed(10, 30), "pending@example.org")).Code;
        var tomorrow = await BookAsync(renewal, new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(2)), "tomorrow");
        At(8, 30);
        var clerk = await ClerkAsync();
        var voidResponse = await clerk.Http.PostAsJsonAsync($"/api/bookings/{voided.Code}/void", new VoidRequest("Wrong tax number"));
        Assert.Equal(HttpStatusCode.OK, voidResponse.StatusCode);
        Assert.Equal("CheckedIn", (await ScanAsync(replayed.Qr)).Status);
        return new Day(onTime, replayed, cancelled, voided, pending, tomorrow);
    }

    [Fact]
    public async Task RandomText_IsUnknown_AndChangesNothing()
    {
        var random = new Random(2026);
        const string chars = "ABCDEFGHJKMNPQRSTVWXYZ0123456789abcdefghijklmnopqrstuvwxyz.-_+/=:{}\"' αβγδ€\0";
        string Text(int length) => new([.. Enumerable.Range(0, length).Select(_ => chars[random.Next(chars.Length)])]);
        var samples = new List<string>
        {
            "hello", "RVU1", "RVU1..", "RVU1.ABCD-EFGH", "RVU1.ABCDEFGH.", "RVU1.ABCDEFGH.AAAAAAAAAAAAAAAA", "RVU2" + onTime.Qr[4..],
            onTime.Code, onTime.Label, "https://example.org/b/" + onTime.Code, onTime.Qr + ".extra", "{\"qr\":\"x\"}", "😀😀😀", new string('.', 512),
        };
        samples.AddRange(Enumerable.Range(0, 60).Select(n => Text(1 + random.Next(511))));
        samples.AddRange(Enumerable.Range(0, 20).Select(n => $"RVU1.{Text(8)}.{Text(16)}"));

        var before = await StateAsync();
        foreach (var qr in samples)
        {
            var answer = await ScanAsync(qr);
            Assert.Equal("Unknown", answer.Status);
            Assert.Equal("The code was not recognised. Try again, or ask at the reception.", answer.Message);
            Assert.Null(answer.Code);
            Assert.Equal("Unknown", (await EndOfDayAsync(qr)).Status);
        }
        Assert.Equal(before, await StateAsync());
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(onTime));
    }

    [Fact]
    public async Task ForgedSignatures_AreUnknown_AndChangeNothing()
    {
        var sig = onTime.Qr[(onTime.Qr.LastIndexOf('.') + 1)..];
        var otherKey = new BookingTokens(RandomNumberGenerator.GetBytes(32)).QrText(onTime.Code);
        var flipped = onTime.Qr[..^1] + (onTime.Qr[^1] == 'A' ? 'B' : 'A');
        var forgeries = new[]
        {
            flipped, otherKey, onTime.Qr[..^1], onTime.Qr + "A", $"RVU1.{onTime.Code}.{sig.ToLowerInvariant()}",
            $"RVU1.{onTime.Code}.{new string('A', sig.Length)}", App.Tokens.QrText(BookingCode.New()),
            $"RVU1.{BookingCode.New()}.{sig}",
        };
        var before = await StateAsync();
        foreach (var qr in forgeries.Where(q => q != onTime.Qr))
        {
            Assert.Equal("Unknown", (await ScanAsync(qr)).Status);
            Assert.Equal("Unknown", (await EndOfDayAsync(qr)).Status);
        }
        Assert.Equal(before, await StateAsync());
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(onTime));
    }

    [Fact]
    public async Task CancelledVoidPendingAndReplayedQrs_AreAnsweredClearly_AndChangeNothing()
    {
        var (cancelled, voided, pending, tomorrow, replayed) = (day.Cancelled, day.Voided, day.Pending, day.Tomorrow, day.Replayed);
        var before = await StateAsync();
        var expected = new (string Qr, string Status, string Message)[]
        {
            (cancelled.Qr, "Cancelled", $"The appointment ({cancelled.Label}) was cancelled and cannot be served. To be served, book a new appointment."),
            (voided.Qr, "Void", $"The appointment ({voided.Label}) was voided because of missing or wrong details and cannot be served. The reason is in your email; book a new appointment or ask at a desk."),
            (App.Tokens.QrText(pending), "NotConfirmed", $"The appointment ({BookingCode.Display(pending)}) was not confirmed from the email and cannot be served."),
            (tomorrow.Qr, "WrongDay", $"Your appointment ({tomorrow.Label}) is on another day: Thursday 3 December 2026, 09:00."),
            (replayed.Qr, "AlreadyCheckedIn", $"The appointment ({replayed.Label}) is already checked in. Please watch the display."),
        };
        foreach (var (qr, status, message) in expected)
        {
            var answer = await ScanAsync(qr);
            Assert.Equal((status, message), (answer.Status, answer.Message));
            Assert.NotEqual("Deferred", (await EndOfDayAsync(qr)).Status);
        }
        // The same QR again and again: the same answer, no new version.
        for (var n = 0; n < 5; n++)
            Assert.Equal("AlreadyCheckedIn", (await ScanAsync(replayed.Qr)).Status);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task MissingOrOversizedQr_Is400WithAClearMessage_AndChangesNothing()
    {
        var before = await StateAsync();
        var bodies = new object[]
        {
            new CheckInRequest(null), new CheckInRequest(""), new CheckInRequest("   "),
            new CheckInRequest(new string('A', 10 * 1024)), new CheckInRequest(onTime.Qr + new string(' ', 10 * 1024)),
        };
        foreach (var path in new[] { "/api/kiosk/checkin", "/api/kiosk/checkin/end-of-day" })
            foreach (var body in bodies)
            {
                var response = await Http.PostAsJsonAsync(path, body);
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("Scan the QR code.", problem.GetProperty("errors").GetProperty("qr")[0].GetString());
            }
        // Not JSON at all, or the wrong shape: still a 400, never a 500.
        foreach (var raw in new[] { "not json", "{\"qr\": 42}", "[]", "{\"qr\": {\"a\": 1}}" })
        {
            using var content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.BadRequest, (await Http.PostAsync("/api/kiosk/checkin", content)).StatusCode);
        }
        Assert.Equal(before, await StateAsync());
    }
}
