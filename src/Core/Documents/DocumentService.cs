using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Core.Documents;

/// <summary>One file as it arrives: its bytes and what the client called it (used for display only).</summary>
public sealed record Upload(Stream Content, string? FileName, int? ServiceDocumentId, string UploadedBy);

/// <summary>
/// R10: documents sent electronically with a booking. Callers decide who may act on the booking (holder's manage
/// token, staff); this service decides what may be stored (R12): only PDF, JPEG and PNG by their bytes, within the
/// size, count and pixel limits, and only while the booking can still be served. A refused upload leaves no row and no file.
/// </summary>
public sealed class DocumentService(
    RantevouDbContext db, DocumentStore store, TimeProvider clock, IOptions<DocumentOptions> options)
{
    DocumentOptions Limits => options.Value;

    /// <summary>Statuses in which the person may still bring documents: before the visit or while waiting to be served.</summary>
    public static bool AcceptsUploads(BookingStatus s) =>
        s is BookingStatus.Pending or BookingStatus.Confirmed or BookingStatus.CheckedIn or BookingStatus.Deferred;

    /// <summary>A booking by its code alone, for staff, who need no token (callers check the role).</summary>
    public Task<BookingEntity?> FindBookingAsync(string? code, CancellationToken ct) => BookingByCode.FindAsync(db, code, ct);

    public Task<List<BookingDocument>> ListAsync(Guid bookingId, CancellationToken ct) =>
        db.BookingDocuments.AsNoTracking().Where(d => d.BookingId == bookingId)
            .OrderBy(d => d.UploadedUtc).ThenBy(d => d.Id).ToListAsync(ct);

    /// <summary>The document and an open stream of its bytes, or null when it is not this booking's.</summary>
    public async Task<(BookingDocument Document, Stream Content)?> OpenAsync(Guid bookingId, Guid documentId, CancellationToken ct)
    {
        var doc = await db.BookingDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.BookingId == bookingId, ct);
        return doc is not null && store.OpenRead(bookingId, doc.StoredName) is { } content ? (doc, content) : null;
    }

    public async Task<Outcome<BookingDocument>> UploadAsync(BookingEntity booking, Upload upload, CancellationToken ct)
    {
        if (!AcceptsUploads(booking.Status))
            return Problem.Conflict(MessageKeys.DocumentsClosed);
        if (upload.ServiceDocumentId is { } required
            && !await db.ServiceDocuments.AnyAsync(d => d.Id == required && d.ServiceId == booking.ServiceId, ct))
            return Problem.Invalid(new Dictionary<string, string[]> { ["documentId"] = [MessageKeys.DocumentUnknown] });
        if (await CountAsync(booking.Id, ct) >= Limits.MaxPerBooking)
            return Problem.Conflict(MessageKeys.TooManyDocuments);

        // The type is decided before anything touches the disk: an executable or an archive is never staged.
        var head = new byte[FileTypes.HeadBytes];
        var headLength = await upload.Content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (headLength == 0)
            return Problem.Invalid(new Dictionary<string, string[]> { ["file"] = [MessageKeys.DocumentEmpty] });
        if (FileTypes.Sniff(head.AsSpan(0, headLength)) is not { } kind)
            return new Problem(ProblemKind.UnsupportedMediaType, MessageKeys.DocumentTypeNotAllowed);

        using var staged = await store.StageAsync(head.AsMemory(0, headLength), upload.Content, Limits.MaxBytes, ct);
        if (staged.Size is not { } size)
            return new Problem(ProblemKind.TooLarge, MessageKeys.DocumentTooLarge);
        ContentVerdict verdict;
        await using (var file = staged.OpenRead())
            verdict = FileTypes.Inspect(file, kind, Limits.MaxMegapixels * 1_000_000L);
        if (verdict != ContentVerdict.Ok)
            return Problem.Unprocessable(verdict == ContentVerdict.TooManyPixels ? MessageKeys.DocumentTooManyPixels : MessageKeys.DocumentDamaged);

        var doc = new BookingDocument
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            BookingId = booking.Id,
            ServiceDocumentId = upload.ServiceDocumentId,
            FileName = DocumentNames.Display(upload.FileName, kind),
            ContentType = FileTypes.ContentType(kind),
            Size = size,
            StoredName = Guid.NewGuid().ToString("N") + FileTypes.Extension(kind),
            UploadedUtc = clock.GetUtcNow().UtcDateTime,
            UploadedBy = upload.UploadedBy,
        };
        store.Keep(staged, booking.Id, doc.StoredName);
        try
        {
            db.Add(doc);
            await db.SaveChangesAsync(ct);
            // Two uploads racing past the count check: the later one gives way, so the limit holds (R12).
            if (await CountAsync(booking.Id, ct) > Limits.MaxPerBooking && !await IsAmongFirstAsync(doc, ct))
            {
                await db.BookingDocuments.Where(d => d.Id == doc.Id).ExecuteDeleteAsync(ct);
                store.Delete(booking.Id, doc.StoredName);
                return Problem.Conflict(MessageKeys.TooManyDocuments);
            }
        }
        catch
        {
            store.Delete(booking.Id, doc.StoredName);
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return doc;
    }

    /// <summary>
    /// The holder takes back a file they sent (the wrong one, or a better scan), while the booking can still be served.
    /// Only their own: a file the staff attached stays. Null when removed.
    /// </summary>
    public async Task<Problem?> RemoveAsync(BookingEntity booking, Guid documentId, CancellationToken ct)
    {
        var doc = await db.BookingDocuments.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == documentId && d.BookingId == booking.Id && d.UploadedBy == BookingDocument.Holder, ct);
        if (doc is null)
            return Problem.NotFound(MessageKeys.DocumentNotFound);
        if (!AcceptsUploads(booking.Status))
            return Problem.Conflict(MessageKeys.DocumentsClosed);
        await db.BookingDocuments.Where(d => d.Id == doc.Id).ExecuteDeleteAsync(ct);
        store.Delete(booking.Id, doc.StoredName);
        return null;
    }

    Task<int> CountAsync(Guid bookingId, CancellationToken ct) =>
        db.BookingDocuments.CountAsync(d => d.BookingId == bookingId, ct);

    async Task<bool> IsAmongFirstAsync(BookingDocument doc, CancellationToken ct)
    {
        var first = await db.BookingDocuments.AsNoTracking().Where(d => d.BookingId == doc.BookingId)
            .OrderBy(d => d.UploadedUtc).ThenBy(d => d.Id).Take(Limits.MaxPerBooking).Select(d => d.Id).ToListAsync(ct);
        return first.Contains(doc.Id);
    }
}
