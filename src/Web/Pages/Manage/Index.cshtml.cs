using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;
using Rantevou.Web.Booking;
using Rantevou.Web.Infrastructure;

namespace Rantevou.Web.Pages.Manage;

/// <summary>The booking's own page, for the holder of its manage token; anyone else gets the not-found page.</summary>
public sealed class IndexModel(BookingService bookings, RantevouDbContext db, TimeProvider clock) : PageModel
{
    static readonly string[] Outcomes = ["confirmed", "rescheduled", "cancelled"];

    public BookingView View { get; private set; } = null!;
    public string Token { get; private set; } = "";
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? token, string? done, CancellationToken ct)
    {
        var found = await bookings.GetAsync(code, token, ct);
        if (!found.Ok)
            return NotFound();
        View = await BookingView.LoadAsync(db, found.Value!, Lang.Current, ct);
        Token = token!;
        var today = OfficeCalendar.LocalDate(clock.GetUtcNow().UtcDateTime, View.Office.TimeZone);
        Live = View.Booking.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn or BookingStatus.Deferred or BookingStatus.Called
            && DateOnly.FromDateTime(View.Start.DateTime) == today;
        Done = Outcomes.Contains(done) ? done : null;
        return Page();
    }

    /// <summary>Today's booking still to be served: the page follows it live (R3–R5).</summary>
    public bool Live { get; private set; }

    public string Link(string action) => $"/b/{View.Booking.Code}/{action}?token={Uri.EscapeDataString(Token)}";
}
