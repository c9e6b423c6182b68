using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Documents;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Web.Documents;
using Rantevou.Web.Infrastructure;

namespace Rantevou.Web.Pages.Manage;

/// <summary>The booking's own page, for the holder of its manage token; anyone else gets the not-found page.</summary>
[DocumentUploadLimits]
public sealed class IndexModel(
    BookingService bookings, DocumentService documents, RantevouDbContext db, IOptions<DocumentOptions> limits,
    IStringLocalizer<Messages> messages, TimeProvider clock, BookingTokens tokens) : PageModel
{
    static readonly string[] Outcomes = ["confirmed", "rescheduled", "cancelled", "uploaded", "removed"];

    public BookingView View { get; private set; } = null!;
    public DocumentsView Documents { get; private set; } = null!;
    public string Token { get; private set; } = "";
    public string? Done { get; private set; }

    public Task<IActionResult> OnGetAsync(string code, string? token, string? done, string? upload, CancellationToken ct)
    {
        // R10: back from an upload refused before it was read (DocumentUploadLimitsAttribute); the reason goes by the field.
        string? error = null;
        if (upload == DocumentUploadLimitsAttribute.TooLargeValue)
        {
            error = messages[MessageKeys.DocumentTooLarge];
            ViewData["HasErrors"] = true;
        }
        return ShowAsync(code, token, done, error, ct);
    }

    /// <summary>R10: a document sent from the page, without JavaScript; the same checks as the API (R12).</summary>
    public async Task<IActionResult> OnPostUploadAsync(string code, string? token, IFormFile? file, int? documentId, CancellationToken ct)
    {
        var found = await bookings.GetAsync(code, token, ct);
        if (!found.Ok)
            return NotFound();
        string error;
        if (file is null)
            error = messages[MessageKeys.DocumentRequired];
        else
        {
            await using var content = file.OpenReadStream();
            var outcome = await documents.UploadAsync(found.Value, new Upload(content, file.FileName, documentId, Core.Documents.BookingDocument.Holder), ct);
            if (outcome.Ok)
                return RedirectToPage("/Manage/Index", new { code = found.Value.Code, token, done = "uploaded" });
            var problem = outcome.Problem;
            error = messages[problem.FieldErrors?.Values.FirstOrDefault()?.FirstOrDefault() ?? problem.MessageKey];
        }
        ViewData["HasErrors"] = true;
        return await ShowAsync(code, token, null, error, ct, documentId);
    }

    /// <summary>R10: the holder takes back a file they sent (the wrong one), while the booking can still be served.</summary>
    public async Task<IActionResult> OnPostRemoveDocumentAsync(string code, string? token, Guid id, CancellationToken ct)
    {
        var found = await bookings.GetAsync(code, token, ct);
        if (!found.Ok)
            return NotFound();
        if (await documents.RemoveAsync(found.Value, id, ct) is { } problem)
        {
            ViewData["HasErrors"] = true;
            return await ShowAsync(code, token, null, messages[problem.MessageKey], ct);
        }
        return RedirectToPage("/Manage/Index", new { code = found.Value.Code, token, done = "removed" });
    }

    async Task<IActionResult> ShowAsync(string code, string? token, string? done, string? uploadError, CancellationToken ct, int? chosen = null)
    {
        var found = await bookings.GetAsync(code, token, ct);
        if (!found.Ok || token is null) // a booking is only found with its token
            return NotFound();
        View = await BookingView.LoadAsync(db, found.Value, Language.Current, ct);
        Token = token;
        var today = OfficeCalendar.LocalDate(clock.GetUtcNow().UtcDateTime, View.Office.TimeZone);
        Live = View.Booking.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn or BookingStatus.Deferred or BookingStatus.Called
            && DateOnly.FromDateTime(View.Start.DateTime) == today;
        Documents = await DocumentsView.LoadAsync(db, documents, limits.Value, found.Value, Token, Language.Current, uploadError, ct, chosen);
        Done = Outcomes.Contains(done) ? done : null;
        // R3: the page shown at the kiosk is enough, for whoever has no printed or mailed QR at hand.
        QrImage = View.Booking.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn or BookingStatus.Deferred or BookingStatus.Called
            ? QrImages.DataUri(tokens.QrText(View.Booking.Code), pixelsPerModule: 6)
            : null;
        ByItsAgent = View.Booking.AgentId is { } agent && User.FindFirstValue(ClaimTypes.NameIdentifier) == agent;
        return Page();
    }

    /// <summary>R7: the school or agent that booked it is looking (signed in): its way back is its portal, not the public pages.</summary>
    public bool ByItsAgent { get; private set; }

    /// <summary>The booking's QR for the kiosk (the same as in its mail) while it can still be scanned; null otherwise.</summary>
    public string? QrImage { get; private set; }

    /// <summary>Today's booking still to be served: the page follows it live (R3–R5).</summary>
    public bool Live { get; private set; }

    public string Link(string action) => $"/b/{View.Booking.Code}/{action}?token={Uri.EscapeDataString(Token)}";
}
