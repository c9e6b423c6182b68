using Microsoft.AspNetCore.Http.HttpResults;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Infrastructure;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Hub.Booking;

/// <summary>Online booking over JSON (API.md): create, read, confirm, reschedule, cancel.</summary>
public static class BookingApi
{
    public static IEndpointRouteBuilder MapBookingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/bookings").WithTags("Bookings");
        api.MapPost("/", CreateAsync).WithName("CreateBooking").AddEndpointFilter<IdempotencyFilter>().RequireRateLimiting(RateLimits.Booking);
        api.MapGet("/{code}", GetAsync).WithName("GetBooking");
        api.MapPost("/{code}/confirm", ConfirmAsync).WithName("ConfirmBooking").RequireRateLimiting(RateLimits.Booking);
        api.MapPost("/{code}/reschedule", RescheduleAsync).WithName("RescheduleBooking").RequireRateLimiting(RateLimits.Booking);
        api.MapPost("/{code}/cancel", CancelAsync).WithName("CancelBooking").RequireRateLimiting(RateLimits.Booking);
        return app;
    }

    static async Task<Results<Created<BookingCreatedDto>, ProblemHttpResult>> CreateAsync(
        CreateBookingRequest request, BookingService bookings, BookingTokens tokens, OfficeConfigCache configs, RantevouDbContext db, CancellationToken ct)
    {
        var outcome = await bookings.CreateAsync(
            new NewBooking(request.ServiceId, request.Start, request.FullName, request.Email, request.Mobile, Language.Current), ct);
        if (!outcome.Ok)
            return Problems.From(outcome.Problem);
        var b = outcome.Value;
        return TypedResults.Created($"/api/bookings/{b.Code}", await BookingViews.ToCreatedAsync(configs, db, b, tokens, ct));
    }

    static Task<Results<Ok<BookingDto>, ProblemHttpResult>> GetAsync(
        string code, string? token, BookingService bookings, RantevouDbContext db, CancellationToken ct) =>
        Answer(bookings.GetAsync(code, token, ct), db, ct);

    static Task<Results<Ok<BookingDto>, ProblemHttpResult>> ConfirmAsync(
        string code, string? token, BookingService bookings, RantevouDbContext db, CancellationToken ct) =>
        Answer(bookings.ConfirmAsync(code, token, ct), db, ct);

    static Task<Results<Ok<BookingDto>, ProblemHttpResult>> RescheduleAsync(
        string code, string? token, RescheduleRequest request, BookingService bookings, RantevouDbContext db, CancellationToken ct) =>
        Answer(bookings.RescheduleAsync(code, token, request.Start, ct), db, ct);

    static Task<Results<Ok<BookingDto>, ProblemHttpResult>> CancelAsync(
        string code, string? token, BookingService bookings, RantevouDbContext db, CancellationToken ct) =>
        Answer(bookings.CancelAsync(code, token, ct), db, ct);

    static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> Answer(
        Task<Outcome<BookingEntity>> operation, RantevouDbContext db, CancellationToken ct)
    {
        var outcome = await operation;
        return outcome.Ok ? TypedResults.Ok(await BookingViews.ToDtoAsync(db, outcome.Value, ct)) : Problems.From(outcome.Problem);
    }
}
