using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;
using Rantevou.Core.Documents;
using Rantevou.Core.Localization;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Web.Documents;

public sealed record RequiredDocument(int Id, string Text);

/// <summary>R10 on the booking's own page: what the service asks for, what was sent, and whether more may be sent.</summary>
public sealed record DocumentsView(
    IReadOnlyList<RequiredDocument> Required, IReadOnlyList<BookingDocument> Uploaded, bool CanUpload,
    string UploadAction, Func<Guid, string> DownloadHref, long MaxMegabytes, int MaxCount, string? Error)
{
    /// <summary>The required document the last, refused, upload was for: chosen again, so only the file is picked anew.</summary>
    public int? Chosen { get; init; }

    /// <summary>The holder may take back their own files while they may still send some (<see cref="DocumentService.RemoveAsync"/>).</summary>
    public bool CanRemove(BookingDocument doc) => ToBeServed && doc.UploadedBy == BookingDocument.Holder;

    /// <summary>
    /// The booking can still be served: the list of what to bring stands, and files may be sent or taken back. An
    /// ended booking (cancelled, served, expired) no longer tells anyone what to bring.
    /// </summary>
    public bool ToBeServed { get; init; }

    public string RemoveAction { get; init; } = "";

    public static async Task<DocumentsView> LoadAsync(
        RantevouDbContext db, DocumentService documents, DocumentOptions limits, BookingEntity b, string token, string culture,
        string? error, CancellationToken ct, int? chosen = null)
    {
        var required = await db.ServiceDocuments.AsNoTracking().Where(d => d.ServiceId == b.ServiceId).OrderBy(d => d.SortOrder)
            .Select(d => new { d.Id, d.TextEl, d.TextEn }).ToListAsync(ct);
        var uploaded = await documents.ListAsync(b.Id, ct);
        var t = Uri.EscapeDataString(token);
        return new DocumentsView(
            required.Select(d => new RequiredDocument(d.Id, Language.Pick(culture, d.TextEl, d.TextEn))).ToList(), uploaded,
            DocumentService.AcceptsUploads(b.Status) && uploaded.Count < limits.MaxPerBooking,
            $"/b/{b.Code}?token={t}&handler=upload",
            id => $"/api/bookings/{b.Code}/documents/{id}?token={t}",
            Math.Max(1, limits.MaxBytes / (1024 * 1024)), limits.MaxPerBooking, error)
        {
            Chosen = chosen,
            ToBeServed = DocumentService.AcceptsUploads(b.Status),
            RemoveAction = $"/b/{b.Code}?token={t}&handler=removedocument",
        };
    }

    public string? RequiredText(int? id) => Required.FirstOrDefault(r => r.Id == id)?.Text;
}
