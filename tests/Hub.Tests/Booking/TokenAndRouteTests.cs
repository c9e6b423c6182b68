using System.Net;
using System.Net.Http.Json;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>
/// A booking is reached only with its token (404 for anyone else, so codes cannot be probed),
/// and every other wrong request is a localized 4xx ProblemDetails.
/// </summary>
public sealed class TokenAndRouteTests(SharedApp shared) : IClassFixture<SharedApp>
{
    sealed record Case(HttpMethod Method, Func<SharedApp, string> Url, HttpStatusCode Status, string Code, bool WithBody = false, string? Field = null);

    static readonly HttpMethod Get = HttpMethod.Get, Post = HttpMethod.Post;

    static readonly Dictionary<string, Case> Cases = new()
    {
        ["read without token"] = new(Get, s => $"/api/bookings/{s.Booking.Code}", HttpStatusCode.NotFound, MessageKeys.BookingNotFound),
        ["read with wrong token"] = new(Get, s => $"/api/bookings/{s.Booking.Code}?token=AAAAAAAAAAAAAAAAAAAAAA", HttpStatusCode.NotFound, MessageKeys.BookingNotFound),
        ["read with another booking's kind of token"] = new(Get, s => $"/api/bookings/{s.Booking.Code}?token={s.App.Tokens.Manage(Guid.NewGuid())}", HttpStatusCode.NotFound, MessageKeys.BookingNotFound),
        ["read unknown code"] = new(Get, s => $"/api/bookings/ABCD2345?token={s.Booking.ManageToken}", HttpStatusCode.NotFound, MessageKeys.BookingNotFound),
        ["read garbage code"] = new(Get, s => $"/api/bookings/%27%3B--?token={s.Booking.ManageToken}", HttpStatusCode.NotFound, MessageKeys.BookingNotFound),
        ["confirm without token"] = new(Post, s => $"/api/bookings/{s.Booking.Code}/confirm", HttpStatusCode.NotFound, MessageKeys.BookingNotFound),
        ["confirm with manage token"] = new(Post, s => $"/api/bookings/{s.Booking.Code}/confirm?token={s.Booking.ManageToken}", HttpStatusCode.NotFound, MessageKeys.BookingNotFound),
        ["cancel without token"] = new(Post, s => $"/api/bookings/{s.Booking.Code}/cancel", HttpStatusCode.NotFound, MessageKeys.BookingNotFound),
        ["cancel with wrong token"] = new(Post, s => $"/api/bookings/{s.Booking.Code}/cancel?token=x", HttpStatusCode.NotFound, MessageKeys.BookingNotFound),
        ["reschedule without token"] = new(Post, s => $"/api/bookings/{s.Booking.Code}/reschedule", HttpStatusCode.NotFound, MessageKeys.BookingNotFound, WithBody: true),
        ["reschedule with wrong token"] = new(Post, s => $"/api/bookings/{s.Booking.Code}/reschedule?token=x", HttpStatusCode.NotFound, MessageKeys.BookingNotFound, WithBody: true),
        ["reschedule without body"] = new(Post, s => $"/api/bookings/{s.Booking.Code}/reschedule?token={s.Booking.ManageToken}", HttpStatusCode.BadRequest, MessageKeys.MalformedRequest),
        ["availability, bad date"] = new(Get, s => $"/api/services/{s.Service.Id}/availability?date=2026-13-01", HttpStatusCode.BadRequest, MessageKeys.Invalid, Field: "date"),
        ["availability, no date"] = new(Get, s => $"/api/services/{s.Service.Id}/availability", HttpStatusCode.BadRequest, MessageKeys.Invalid, Field: "date"),
        ["availability, other date format"] = new(Get, s => $"/api/services/{s.Service.Id}/availability?date=02/12/2026", HttpStatusCode.BadRequest, MessageKeys.Invalid, Field: "date"),
        ["availability, unknown service"] = new(Get, _ => "/api/services/987654/availability?date=2026-12-02", HttpStatusCode.NotFound, MessageKeys.ServiceUnknown),
        ["unknown API path"] = new(Get, _ => "/api/nothing-here", HttpStatusCode.NotFound, MessageKeys.NotFoundGeneric),
        ["wrong method"] = new(HttpMethod.Delete, s => $"/api/bookings/{s.Booking.Code}?token={s.Booking.ManageToken}", HttpStatusCode.MethodNotAllowed, MessageKeys.MethodNotAllowed),
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
    public async Task WrongTokenOrRequest_IsLocalized4xxProblem(string name, string language)
    {
        var c = Cases[name];
        var body = c.WithBody ? JsonContent.Create(new RescheduleRequest("2026-12-03T10:00:00+02:00")) : null;

        var response = await shared.Http.SendAsync(ProblemAssert.Request(language, c.Method, c.Url(shared), body));

        await ProblemAssert.IsAsync(response, c.Status, c.Code, language, c.Field);
        var booking = await shared.Http.GetFromJsonAsync<BookingDto>($"/api/bookings/{shared.Booking.Code}?token={shared.Booking.ManageToken}");
        Assert.Equal("Pending", booking!.Status);
        Assert.Equal(shared.Booking.Start, booking.Start);
    }

    [Theory]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("el-GR,el;q=0.9,en;q=0.5", "el")]
    [InlineData("fr-FR", "el")]
    [InlineData("de;q=0.9, en;q=0.8", "en")]
    public async Task AcceptLanguage_WithRegionsAndWeights_PicksGreekOrEnglish(string header, string expected)
    {
        var request = new HttpRequestMessage(Get, $"/api/bookings/{shared.Booking.Code}");
        request.Headers.TryAddWithoutValidation("Accept-Language", header);

        var response = await shared.Http.SendAsync(request);

        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, MessageKeys.BookingNotFound, expected == "el" ? "el" : "en-header");
    }

    [Theory]
    [InlineData("el")]
    [InlineData("en-header")]
    public async Task CancelTwice_SecondIs409(string language)
    {
        var created = await BookAsync(1);
        var cancel = $"/api/bookings/{created.Code}/cancel?token={created.ManageToken}";

        Assert.Equal(HttpStatusCode.OK, (await shared.Http.SendAsync(ProblemAssert.Request(language, Post, cancel))).StatusCode);
        var again = await shared.Http.SendAsync(ProblemAssert.Request(language, Post, cancel));

        await ProblemAssert.IsAsync(again, HttpStatusCode.Conflict, MessageKeys.NotChangeable, language);
    }

    [Theory]
    [InlineData("2026-12-06T10:00:00+02:00", HttpStatusCode.UnprocessableEntity, MessageKeys.OfficeClosed)]
    [InlineData("2026-12-25T10:00:00+02:00", HttpStatusCode.UnprocessableEntity, MessageKeys.OfficeClosed)]
    [InlineData("2026-11-30T10:00:00+02:00", HttpStatusCode.UnprocessableEntity, MessageKeys.StartInPast)]
    [InlineData("2026-12-02T06:00:00+02:00", HttpStatusCode.UnprocessableEntity, MessageKeys.OutsideHours)]
    [InlineData("2027-06-01T10:00:00+03:00", HttpStatusCode.UnprocessableEntity, MessageKeys.BeyondHorizon)]
    [InlineData("soon", HttpStatusCode.BadRequest, MessageKeys.Invalid)]
    public async Task RescheduleToABadTime_IsRefused_AndTheBookingStays(string start, HttpStatusCode status, string code)
    {
        var created = await BookAsync(2);

        var response = await shared.Http.SendAsync(ProblemAssert.Request("en-query", Post,
            $"/api/bookings/{created.Code}/reschedule?token={created.ManageToken}", JsonContent.Create(new RescheduleRequest(start))));

        await ProblemAssert.IsAsync(response, status, code, "en-query");
        var booking = await shared.Http.GetFromJsonAsync<BookingDto>($"/api/bookings/{created.Code}?token={created.ManageToken}");
        Assert.Equal(created.Start, booking!.Start);
    }

    async Task<BookingCreatedDto> BookAsync(int slot)
    {
        var start = (await shared.Http.AvailabilityAsync(shared.Service.Id, AppTest.Wednesday.AddDays(slot)))[0].Start;
        return await shared.Http.BookOkAsync(shared.Service.Id, start, $"someone{slot}@example.org");
    }
}
