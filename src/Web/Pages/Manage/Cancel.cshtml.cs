using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;

namespace Rantevou.Web.Pages.Manage;

/// <summary>Cancelling asks once more before it frees the time (R2: the person is told by email).</summary>
public sealed class CancelModel(BookingService bookings, RantevouDbContext db, IStringLocalizer<Messages> messages) : PageModel
{
    public BookingView View { get; private set; } = null!;
    public string Token { get; private set; } = "";
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? token, CancellationToken ct)
    {
        var found = await bookings.GetAsync(code, token, ct);
        if (!found.Ok || token is null) // a booking is only found with its token
            return NotFound();
        View = await BookingView.LoadAsync(db, found.Value, Language.Current, ct);
        Token = token;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string? token, CancellationToken ct)
    {
        var outcome = await bookings.CancelAsync(code, token, ct);
        if (outcome.Ok)
            return RedirectToPage("/Manage/Index", new { code = outcome.Value.Code, token, done = "cancelled" });
        if (outcome.Problem.Kind == ProblemKind.NotFound)
            return NotFound();
        Error = messages[outcome.Problem.MessageKey];
        ViewData["HasErrors"] = true;
        return await OnGetAsync(code, token, ct);
    }
}
