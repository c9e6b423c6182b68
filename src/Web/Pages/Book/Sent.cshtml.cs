using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Web.Infrastructure;

namespace Rantevou.Web.Pages.Book;

/// <summary>After booking: R7, the booking is final only once confirmed from the email we just sent.</summary>
public sealed class SentModel(BookingService bookings, RantevouDbContext db) : PageModel
{
    public BookingView View { get; private set; } = null!;
    public string ManageUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, string? token, CancellationToken ct)
    {
        var found = await bookings.GetAsync(code, token, ct);
        if (!found.Ok)
            return NotFound();
        View = await BookingView.LoadAsync(db, found.Value, Language.Current, ct);
        ManageUrl = $"/b/{found.Value.Code}?token={token}";
        return Page();
    }
}
