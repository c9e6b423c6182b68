using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using Rantevou.Web.Booking;
using Rantevou.Web.Infrastructure;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Manage;

/// <summary>Moving a booking: pick a day, then a time; the old time is freed only when the new one is held.</summary>
public sealed class RescheduleModel(
    BookingService bookings, BookableDays days, RantevouDbContext db, IStringLocalizer<Messages> messages, IStringLocalizer<PageText> text)
    : PageModel
{
    public BookingView View { get; private set; } = null!;
    public string Token { get; private set; } = "";
    public DateOnly? Date { get; private set; }
    public DayPage? Days { get; private set; }
    public bool IsFirstPage { get; private set; }
    public IReadOnlyList<DateTimeOffset> Slots { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? token, string? date, string? from, CancellationToken ct)
    {
        var found = await bookings.GetAsync(code, token, ct);
        if (!found.Ok || token is null) // a booking is only found with its token
            return NotFound();
        var b = found.Value;
        View = await BookingView.LoadAsync(db, b, Language.Current, ct);
        Token = token;
        if (!b.IsActive)
            return Redirect(BookingLink());
        Date = Lang.ParseDate(date) is { } d && days.IsBookable(View.Office, d) ? d : null;
        if (Date is { } day)
            Slots = (await days.SlotsAsync(View.Office, b.ServiceId, day, ct)).Where(s => s != View.Start).ToList();
        else
        {
            IsFirstPage = Lang.ParseDate(from) is null;
            Days = await days.OpenDaysAsync(View.Office, b.ServiceId, Lang.ParseDate(from), ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string? token, string? date, string? start, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(start))
            Error = text["ChooseTimeError"];
        else
        {
            var outcome = await bookings.RescheduleAsync(code, token, start, ct);
            if (outcome.Ok)
                return RedirectToPage("/Manage/Index", new { code = outcome.Value.Code, token, done = "rescheduled" });
            if (outcome.Problem.Kind == ProblemKind.NotFound)
                return NotFound();
            Error = messages[outcome.Problem.MessageKey];
        }
        ViewData["HasErrors"] = true;
        return await OnGetAsync(code, token, date, null, ct);
    }

    public string BookingLink(string? query = null) =>
        $"/b/{View.Booking.Code}{(query is null ? "" : "/reschedule")}?token={Uri.EscapeDataString(Token)}{query}";
}
