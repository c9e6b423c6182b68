using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Localization;
using Rantevou.Web.Booking;
using Rantevou.Web.Infrastructure;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Book;

/// <summary>Step 2: the free times of one day. A lost race or a time no longer bookable comes back here with its message.</summary>
public sealed class TimeModel(BookableDays days, IStringLocalizer<Messages> messages, IStringLocalizer<PageText> text) : PageModel
{
    public Service Service { get; private set; } = null!;
    public DateOnly Date { get; private set; }
    public IReadOnlyList<DateTimeOffset> Slots { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int serviceId, string date, string? problem, bool choose, CancellationToken ct)
    {
        if (await days.ServiceAsync(serviceId, ct) is not { } found)
            return NotFound();
        Service = found.Service;
        if (Lang.ParseDate(date) is not { } day)
            return NotFound();
        // A link to a day that cannot be booked (closed, a holiday, past, beyond the horizon) says so on the list of days.
        if (!days.IsBookable(found.Office, day))
            return RedirectToPage("/Book/Date", new { serviceId, unavailable = Lang.UrlDate(day) });
        Date = day;
        Slots = await days.SlotsAsync(found.Office, serviceId, day, ct);
        Error = problem is not null && messages[problem] is { ResourceNotFound: false } message ? message.Value
            : choose ? text["ChooseTimeError"].Value : null;
        ViewData["HasErrors"] = Error is not null;
        return Page();
    }
}
