using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;

namespace Rantevou.Web.Pages.Manage;

/// <summary>
/// R7: the link in the first email. Mail scanners fetch links, so GET only shows a button and the POST confirms.
/// </summary>
public sealed class ConfirmModel(BookingService bookings, BookingTokens tokens, RantevouDbContext db, IStringLocalizer<Messages> messages)
    : PageModel
{
    public BookingView View { get; private set; } = null!;
    public string? Error { get; private set; }

    /// <summary>The booking's own page, for a link opened again after it was confirmed.</summary>
    public string ManageUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, string? token, CancellationToken ct)
    {
        var booking = await BookingByCode.FindAsync(db, code, ct);
        if (booking is null || !tokens.IsConfirm(booking.Id, token))
            return NotFound();
        View = await BookingView.LoadAsync(db, booking, Language.Current, ct);
        ManageUrl = $"/b/{booking.Code}?token={Uri.EscapeDataString(tokens.Manage(booking.Id))}&culture={Language.Current}";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string? token, CancellationToken ct)
    {
        var outcome = await bookings.ConfirmAsync(code, token, ct);
        if (outcome.Ok)
            return RedirectToPage("/Manage/Index", new { code = outcome.Value.Code, token = tokens.Manage(outcome.Value.Id), done = "confirmed" });
        if (outcome.Problem.Kind == ProblemKind.NotFound)
            return NotFound();
        Error = messages[outcome.Problem.MessageKey];
        ViewData["HasErrors"] = true;
        return await OnGetAsync(code, token, ct);
    }
}
