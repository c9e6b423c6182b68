using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Web.Infrastructure;

namespace Rantevou.Web.Pages.Book;

/// <summary>After booking: R7, the booking is final only once confirmed from the email we just sent.</summary>
public sealed class SentModel(BookingService bookings, LinkResend resend, RantevouDbContext db) : PageModel
{
    public BookingView View { get; private set; } = null!;
    public string ManageUrl { get; private set; } = "";
    public string CancelUrl { get; private set; } = "";
    public string? Token { get; private set; }

    /// <summary>After "send again": whether it went (false: one went out a few minutes ago).</summary>
    public bool? Resent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? token, bool? resent, CancellationToken ct)
    {
        var found = await bookings.GetAsync(code, token, ct);
        if (!found.Ok)
            return NotFound();
        View = await BookingView.LoadAsync(db, found.Value, Language.Current, ct);
        Token = token;
        ManageUrl = $"/b/{found.Value.Code}?token={Uri.EscapeDataString(token ?? "")}";
        CancelUrl = $"/b/{found.Value.Code}/cancel?token={Uri.EscapeDataString(token ?? "")}";
        Resent = resent;
        return Page();
    }

    /// <summary>R2: the person who just booked, holding the booking's token, has its mail sent again.</summary>
    public async Task<IActionResult> OnPostResendAsync(string code, string? token, CancellationToken ct)
    {
        var found = await bookings.GetAsync(code, token, ct);
        if (!found.Ok)
            return NotFound();
        var sent = await resend.ResendAsync(found.Value, ct);
        return RedirectToPage("/Book/Sent", new { code = found.Value.Code, token, resent = sent, culture = Language.Query });
    }
}
