using System.Net;
using System.Net.Http.Json;
using System.Text;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Localization;
using Rantevou.Hub.Infrastructure;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>R1, R9: what POST /api/bookings refuses, as 4xx ProblemDetails in the request's language; never a 5xx.</summary>
public sealed class BookingValidationTests(SharedApp shared) : IClassFixture<SharedApp>
{
    const string Wednesday10 = "2026-12-02T10:00:00+02:00";

    sealed record Case(Func<int, HttpContent> Body, HttpStatusCode Status, string Code, string? Field = null);

    static HttpContent Json(int serviceId, string? start = Wednesday10, string? fullName = "Μαρία Παπαδοπούλου",
        string? email = "maria@example.org", string? mobile = "6941234567") =>
        JsonContent.Create(new CreateBookingRequest(serviceId, start, fullName, email, mobile));

    static HttpContent Raw(string text, string mediaType = "application/json") => new StringContent(text, Encoding.UTF8, mediaType);

    static readonly Dictionary<string, Case> Cases = new()
    {
        ["empty object"] = new(_ => Raw("{}"), HttpStatusCode.BadRequest, MessageKeys.Invalid, "serviceId"),
        ["missing full name"] = new(s => Json(s, fullName: null), HttpStatusCode.BadRequest, MessageKeys.Invalid, "fullName"),
        ["one-letter name"] = new(s => Json(s, fullName: "Μ"), HttpStatusCode.BadRequest, MessageKeys.Invalid, "fullName"),
        ["missing email"] = new(s => Json(s, email: " "), HttpStatusCode.BadRequest, MessageKeys.Invalid, "email"),
        ["bad email"] = new(s => Json(s, email: "maria@example"), HttpStatusCode.BadRequest, MessageKeys.Invalid, "email"),
        ["email with display name"] = new(s => Json(s, email: "Maria <maria@example.org>"), HttpStatusCode.BadRequest, MessageKeys.Invalid, "email"),
        ["landline, not a mobile"] = new(s => Json(s, mobile: "2101234567"), HttpStatusCode.BadRequest, MessageKeys.Invalid, "mobile"),
        ["mobile too short"] = new(s => Json(s, mobile: "69412345"), HttpStatusCode.BadRequest, MessageKeys.Invalid, "mobile"),
        ["missing start"] = new(s => Json(s, start: null), HttpStatusCode.BadRequest, MessageKeys.Invalid, "start"),
        ["start not a time"] = new(s => Json(s, start: "tomorrow at ten"), HttpStatusCode.BadRequest, MessageKeys.Invalid, "start"),
        ["unknown service"] = new(_ => Json(987654), HttpStatusCode.BadRequest, MessageKeys.Invalid, "serviceId"),
        ["past date"] = new(s => Json(s, start: "2026-11-30T10:00:00+02:00"), HttpStatusCode.UnprocessableEntity, MessageKeys.StartInPast),
        ["year 1"] = new(s => Json(s, start: "0001-01-01T00:00:00Z"), HttpStatusCode.UnprocessableEntity, MessageKeys.StartInPast),
        ["inside the cut-off"] = new(s => Json(s, start: "2026-12-01T08:30:00+02:00"), HttpStatusCode.UnprocessableEntity, MessageKeys.StartTooSoon),
        ["off the 5-minute grid"] = new(s => Json(s, start: "2026-12-02T10:03:00+02:00"), HttpStatusCode.UnprocessableEntity, MessageKeys.NotOnGrid),
        ["before opening"] = new(s => Json(s, start: "2026-12-02T07:00:00+02:00"), HttpStatusCode.UnprocessableEntity, MessageKeys.OutsideHours),
        ["at closing"] = new(s => Json(s, start: "2026-12-02T14:00:00+02:00"), HttpStatusCode.UnprocessableEntity, MessageKeys.OutsideHours),
        ["ends after closing"] = new(s => Json(s, start: "2026-12-02T13:55:00+02:00"), HttpStatusCode.UnprocessableEntity, MessageKeys.OutsideHours),
        ["Sunday"] = new(s => Json(s, start: "2026-12-06T10:00:00+02:00"), HttpStatusCode.UnprocessableEntity, MessageKeys.OfficeClosed),
        ["Christmas Day"] = new(s => Json(s, start: "2026-12-25T10:00:00+02:00"), HttpStatusCode.UnprocessableEntity, MessageKeys.OfficeClosed),
        ["Christmas Eve afternoon"] = new(s => Json(s, start: "2026-12-24T13:00:00+02:00"), HttpStatusCode.UnprocessableEntity, MessageKeys.OutsideHours),
        ["beyond the horizon"] = new(s => Json(s, start: "2027-03-01T10:00:00+02:00"), HttpStatusCode.UnprocessableEntity, MessageKeys.BeyondHorizon),
        ["year 9999"] = new(s => Json(s, start: "9999-12-31T23:55:00Z"), HttpStatusCode.UnprocessableEntity, MessageKeys.BeyondHorizon),
        ["malformed JSON"] = new(_ => Raw("{\"serviceId\": 1, "), HttpStatusCode.BadRequest, MessageKeys.MalformedRequest),
        ["wrong JSON type"] = new(_ => Raw("{\"serviceId\": \"one\"}"), HttpStatusCode.BadRequest, MessageKeys.MalformedRequest),
        ["JSON null"] = new(_ => Raw("null"), HttpStatusCode.BadRequest, MessageKeys.MalformedRequest),
        ["empty body"] = new(_ => Raw(""), HttpStatusCode.BadRequest, MessageKeys.MalformedRequest),
        ["form post"] = new(_ => Raw("serviceId=1", "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType, MessageKeys.UnsupportedMediaType),
        ["plain text"] = new(s => Raw($"{{\"serviceId\": {s}}}", "text/plain"), HttpStatusCode.UnsupportedMediaType, MessageKeys.UnsupportedMediaType),
        ["body over 64 KB"] = new(s => Json(s, fullName: new string('α', 40_000)), HttpStatusCode.RequestEntityTooLarge, MessageKeys.BodyTooLarge),
    };

    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Cases.Keys)
            foreach (var language in ProblemAssert.Languages)
                data.Add(name, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task BadBooking_IsRefusedWithLocalizedProblem_NeverA5xx(string name, string language)
    {
        var c = Cases[name];
        var before = await CountAsync();

        var response = await shared.Http.SendAsync(ProblemAssert.Request(language, HttpMethod.Post, "/api/bookings", c.Body(shared.Service.Id)));

        await ProblemAssert.IsAsync(response, c.Status, c.Code, language, c.Field);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public void BigBodyCases_AreReallyOverTheLimit() =>
        Assert.True(Encoding.UTF8.GetByteCount(new string('α', 40_000)) > RequestLimits.ApiBodyBytes);

    [Fact]
    public async Task ValidBooking_BesideTheBadOnes_IsAccepted()
    {
        var response = await shared.Http.PostAsync("/api/bookings", Json(shared.Service.Id));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    Task<int> CountAsync() => shared.App.WithDbAsync(db => Task.FromResult(db.Bookings.Count()));
}
