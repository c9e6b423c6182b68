using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Rantevou.Core.Localization;

namespace Rantevou.Hub.Infrastructure;

/// <summary>
/// A race the database kept deciding against this request even after the retries (PostgreSQL 40001 and 40P01, SQL
/// Server 1205; ConflictRetries): the request changed nothing, as its transaction rolled back. The API answers 409
/// <c>Contention</c> with <c>Retry-After</c>, never a 500: many people booked at the same instant, and trying again works.
/// </summary>
sealed class ContentionHandler() : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!http.Request.Path.StartsWithSegments("/api") || !IsContention(exception))
            return false;
        http.Response.Headers.RetryAfter = "1";
        await Problems.Status(StatusCodes.Status409Conflict, MessageKeys.Contention).ExecuteAsync(http);
        return true;
    }

    static bool IsContention(Exception? e) => e switch
    {
        null => false,
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => true,
        Microsoft.Data.SqlClient.SqlException { Number: 1205 } => true,
        RetryLimitExceededException or Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException => IsContention(e.InnerException),
        _ => false,
    };
}
