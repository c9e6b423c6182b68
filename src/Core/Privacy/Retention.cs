using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rantevou.Core.Data;
using Rantevou.Core.Documents;

namespace Rantevou.Core.Privacy;

public sealed class PrivacyOptions
{
    /// <summary>Personal data of a booking is kept this many days after its appointment, then anonymised.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 180;

    /// <summary>R12 audit entries are kept this many days, then deleted (they name the member of staff who acted).</summary>
    [Range(1, 3650)]
    public int AuditRetentionDays { get; set; } = 365;
}

/// <summary>
/// GDPR storage limitation: once a booking is older than the retention period its name, email and mobile are
/// erased, with the sent mail that carried them, the documents uploaded with them (R10) and the stored API answers;
/// audit entries (R12) are deleted after their own, longer period.
/// Idempotent: erased rows are skipped.
/// </summary>
public sealed class Retention(RantevouDbContext db, TimeProvider clock, IOptions<PrivacyOptions> options, DocumentStore documents)
{
    public const string Erased = "—";

    public async Task<int> AnonymiseAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now.AddDays(-options.Value.RetentionDays);
        var ids = await db.Bookings.Where(b => b.EndUtc < before && b.AnonymisedUtc == null).Select(b => b.Id).Take(5000).ToListAsync(ct);
        if (ids.Count > 0)
        {
            // Files first: if the run stops here the bookings are not yet marked, so the next run deletes the rows.
            foreach (var id in ids)
                documents.DeleteBooking(id);
            // A server database may run it again after a serialization failure or deadlock: every statement is conditional.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(token);
                await db.Bookings.Where(b => ids.Contains(b.Id)).ExecuteUpdateAsync(u => u
                    .SetProperty(b => b.FullName, Erased)
                    .SetProperty(b => b.Email, Erased)
                    .SetProperty(b => b.EmailKey, Erased)
                    .SetProperty(b => b.Mobile, Erased)
                    .SetProperty(b => b.AgentNote, (string?)null)
                    .SetProperty(b => b.StatusReason, (string?)null)
                    .SetProperty(b => b.AnonymisedUtc, now), token);
                await db.BookingDocuments.Where(d => ids.Contains(d.BookingId)).ExecuteDeleteAsync(token);
                // Unsent mail is kept: R2 says none may be lost; it goes out and is erased on a later run.
                await db.Outbox.Where(m => m.BookingId != null && ids.Contains(m.BookingId.Value) && m.SentUtc != null)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.ToAddress, Erased).SetProperty(m => m.Mime, Array.Empty<byte>()), token);
                await tx.CommitAsync(token);
            }, ct);
        }
        await db.Outbox.Where(m => m.SentUtc != null && m.SentUtc < before && m.ToAddress != Erased)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ToAddress, Erased).SetProperty(m => m.Mime, Array.Empty<byte>()), ct);
        // Stored first answers of idempotent requests hold manage tokens; a day is plenty for retries.
        var oldAnswers = now.AddDays(-1);
        await db.IdempotencyRecords.Where(r => r.CreatedUtc < oldAnswers).ExecuteDeleteAsync(ct);
        await DeleteOldAuditAsync(now, ct);
        return ids.Count;
    }

    /// <summary>R12 audit entries past their own retention period; returns how many were deleted.</summary>
    public Task<int> DeleteOldAuditAsync(DateTime now, CancellationToken ct)
    {
        var before = now.AddDays(-options.Value.AuditRetentionDays);
        return db.AuditEntries.Where(a => a.AtUtc < before).ExecuteDeleteAsync(ct);
    }
}
