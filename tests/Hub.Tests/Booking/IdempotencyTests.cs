using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>A client that retries POST /api/bookings with the same Idempotency-Key never books twice.</summary>
public class IdempotencyTests : AppTest
{
    [Fact]
    public async Task RepeatWithSameKey_ReturnsTheFirstAnswer_MarkedReplayed()
    {
        var request = await RequestAsync();

        var first = await PostAsync("key-1", request);
        var again = await PostAsync("key-1", request);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(await first.Content.ReadFromJsonAsync<BookingCreatedDto>(), await again.Content.ReadFromJsonAsync<BookingCreatedDto>());
        Assert.Equal(1, await Db(db => db.Bookings.CountAsync()));
        Assert.Equal(1, await Db(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task RepeatOfARefusal_ReturnsTheSameProblem_MarkedReplayed()
    {
        var sunday = (await RequestAsync()) with { Start = "2026-12-06T10:00:00+02:00" };

        var first = await PostAsync("key-sunday", sunday);
        var again = await PostAsync("key-sunday", sunday);

        await ProblemAssert.IsAsync(first, HttpStatusCode.UnprocessableEntity, MessageKeys.OfficeClosed, "el");
        await ProblemAssert.IsAsync(again, HttpStatusCode.UnprocessableEntity, MessageKeys.OfficeClosed, "el");
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task SameKeyWithAnotherBody_Is422_AndBooksNothingMore()
    {
        var request = await RequestAsync();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("key-2", request)).StatusCode);

        var other = await PostAsync("key-2", request with { Email = "someone.else@example.org" });

        await ProblemAssert.IsAsync(other, HttpStatusCode.UnprocessableEntity, MessageKeys.IdempotencyMismatch, "el");
        Assert.Equal(1, await Db(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task ConcurrentRequestsWithOneKey_CreateOneBooking()
    {
        var request = await RequestAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, 30).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            var response = await PostAsync("key-3", request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })).ToList();
        gate.SetResult();
        var answers = await Task.WhenAll(tasks);

        // The first wins; the others either see it in flight (409, retry later) or get its stored answer.
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{a.StatusCode}: {a.Body}"));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.Conflict), a => Assert.Contains(MessageKeys.IdempotencyInFlight, a.Body, StringComparison.Ordinal));
        var codes = answers.Where(a => a.StatusCode == HttpStatusCode.Created)
            .Select(a => JsonSerializer.Deserialize<BookingCreatedDto>(a.Body, JsonSerializerOptions.Web)!.Code).Distinct().ToList();
        var booking = Assert.Single(await Db(db => db.Bookings.ToListAsync()));
        Assert.Equal([booking.Code], codes);

        var retry = await PostAsync("key-3", request);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(booking.Code, (await retry.Content.ReadFromJsonAsync<BookingCreatedDto>())!.Code);
    }

    [Fact]
    public async Task KeyLeftInFlightByADeadRequest_IsTakenOverAfterAMinute()
    {
        var request = await RequestAsync();
        await Db(async db =>
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                Key = "key-4",
                RequestHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request)))),
                ResponseJson = "",
                CreatedUtc = App.Clock.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });

        var whileRunning = await PostAsync("key-4", request);
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var afterDeath = await PostAsync("key-4", request);

        await ProblemAssert.IsAsync(whileRunning, HttpStatusCode.Conflict, MessageKeys.IdempotencyInFlight, "el");
        Assert.Equal(HttpStatusCode.Created, afterDeath.StatusCode);
        Assert.Equal(1, await Db(db => db.Bookings.CountAsync()));
    }

    async Task<CreateBookingRequest> RequestAsync()
    {
        var service = await ServiceAsync();
        var start = (await FreeStartsAsync(service.Id, Wednesday))[10];
        return new CreateBookingRequest(service.Id, start.ToString("O"), "Ελένη Δημητρίου", "eleni@example.org", "+30 697 000 1122");
    }

    Task<HttpResponseMessage> PostAsync(string key, CreateBookingRequest body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return Http.SendAsync(request);
    }
}

/// <summary>The same replays on PostgreSQL.</summary>
[Trait("Database", "PostgreSql")]
public sealed class IdempotencyTestsOnPostgres : IdempotencyTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
