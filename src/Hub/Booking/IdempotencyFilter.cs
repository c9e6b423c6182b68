using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Booking;

/// <summary>
/// <c>Idempotency-Key</c> on POST /api/bookings: the first answer is stored and a repeat gets it again,
/// so a client that retries after a timeout never books twice. A key is reserved before the work starts;
/// a repeat while the first is still running gets 409; the same key with another body gets 422.
/// </summary>
public sealed class IdempotencyFilter(
    RantevouDbContext db, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = context.HttpContext.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key))
            return await next(context);
        if (key.Length > 128)
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { [Header] = [MessageKeys.Invalid] }));
        // No body bound (empty or unreadable): the endpoint answers 400 itself, and there is nothing to remember.
        if (context.Arguments.OfType<CreateBookingRequest>().FirstOrDefault() is not { } request)
            return await next(context);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
        var ct = context.HttpContext.RequestAborted;

        var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (existing is not null && existing.StatusCode == 0 && existing.CreatedUtc < Now - StaleAfter)
        {
            // The first attempt died mid-way; let this one take over.
            await db.IdempotencyRecords.Where(r => r.Key == key && r.StatusCode == 0).ExecuteDeleteAsync(ct);
            existing = null;
        }
        if (existing is null && !await ReserveAsync(key, hash, ct))
            existing = await db.IdempotencyRecords.AsNoTracking().FirstAsync(r => r.Key == key, ct);
        if (existing is not null)
            return Replay(existing, hash);

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await db.IdempotencyRecords.Where(r => r.Key == key).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        var (status, value, location) = result switch
        {
            Results<Created<BookingCreatedDto>, ProblemHttpResult> { Result: Created<BookingCreatedDto> c } => (201, (object?)c.Value, c.Location),
            Results<Created<BookingCreatedDto>, ProblemHttpResult> { Result: ProblemHttpResult p } => (p.StatusCode, p.ProblemDetails, null),
            _ => (0, null, null),
        };
        if (status == 0)
            await db.IdempotencyRecords.Where(r => r.Key == key).ExecuteDeleteAsync(CancellationToken.None);
        else
            await db.IdempotencyRecords.Where(r => r.Key == key).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.StatusCode, status)
                .SetProperty(r => r.ResponseJson, JsonSerializer.Serialize(value, json.Value.SerializerOptions))
                .SetProperty(r => r.Location, location), CancellationToken.None);
        return result;
    }

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    async Task<bool> ReserveAsync(string key, string hash, CancellationToken ct)
    {
        db.IdempotencyRecords.Add(new IdempotencyRecord { Key = key, RequestHash = hash, ResponseJson = "", CreatedUtc = Now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    IResult Replay(IdempotencyRecord record, string hash)
    {
        if (record.RequestHash != hash)
            return Problems.From(Problem.Unprocessable(MessageKeys.IdempotencyMismatch));
        if (record.StatusCode == 0)
            return Problems.From(Problem.Conflict(MessageKeys.IdempotencyInFlight));
        return new StoredResult(record.StatusCode, record.ResponseJson, record.Location);
    }

    sealed class StoredResult(int status, string json, string? location) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.Headers["Idempotent-Replayed"] = "true";
            if (location is not null)
                http.Response.Headers.Location = location;
            http.Response.ContentType = status >= 400 ? "application/problem+json" : "application/json; charset=utf-8";
            return http.Response.WriteAsync(json);
        }
    }
}
