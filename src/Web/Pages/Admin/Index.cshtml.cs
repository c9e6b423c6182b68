using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Accounts;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Admin;

/// <summary>R11: the office at a glance, with the way to each thing an admin may change.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text, TimeProvider clock) : AdminPageModel(db, users, messages, text)
{
    public (int Active, int All) Services { get; private set; }
    public (int Active, int All) Desks { get; private set; }
    public int Upcoming { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        var id = Office.Id;
        Services = (await Db.Services.CountAsync(s => s.OfficeId == id && s.Active, ct), await Db.Services.CountAsync(s => s.OfficeId == id, ct));
        Desks = (await Db.Desks.CountAsync(d => d.OfficeId == id && d.Active, ct), await Db.Desks.CountAsync(d => d.OfficeId == id, ct));
        var now = clock.GetUtcNow().UtcDateTime;
        Upcoming = await Db.Bookings.CountAsync(b => b.OfficeId == id && b.StartUtc >= now
            && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed), ct);
    }
}
