using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rantevou.Core.Catalogue;
using Rantevou.Web.Booking;
using Rantevou.Web.Infrastructure;

namespace Rantevou.Web.Pages.Book;

/// <summary>Step 1: the next open days of the service (R1: within the horizon, holidays and closed days left out).</summary>
public sealed class DateModel(BookableDays days) : PageModel
{
    public Service Service { get; private set; } = null!;
    public DayPage Days { get; private set; } = null!;
    public bool IsFirstPage { get; private set; }

    /// <summary>The day a link asked for that takes no bookings, to say so above the days that do.</summary>
    public DateOnly? Unavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(int serviceId, string? from, string? unavailable, CancellationToken ct)
    {
        Unavailable = Lang.ParseDate(unavailable);
        if (await days.ServiceAsync(serviceId, ct) is not { } found)
            return NotFound();
        Service = found.Service;
        var start = Lang.ParseDate(from);
        IsFirstPage = start is null;
        Days = await days.OpenDaysAsync(found.Office, serviceId, start, ct);
        return Page();
    }
}
