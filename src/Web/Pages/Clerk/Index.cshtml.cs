using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Accounts;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Web.Infrastructure;

namespace Rantevou.Web.Pages.Clerk;

/// <summary>
/// The clerk's desk screen (R4: it advises, the clerk decides). The page is a shell: the desk's day comes from
/// GET /api/desks/{id}/day with the same cookie, and is refreshed on every change of the office day.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(RantevouDbContext db, UserManager<AppUser> users) : PageModel
{
    public IReadOnlyList<(int Id, int Number, string Name)> Desks { get; private set; } = [];
    public (int Id, int Number, string Name) Desk { get; private set; }
    public string? Office { get; private set; }
    public string TimeZone { get; private set; } = "Europe/Athens";
    public string UserName { get; private set; } = "";

    /// <summary>
    /// The desks of the clerk's own office (<see cref="OfficeScope"/>) assigned to them (all of them for an admin); the
    /// directorate's administrator may name an office.
    /// </summary>
    public async Task OnGetAsync(int? desk, string? office, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        UserName = user?.DisplayName is { Length: > 0 } name ? name : user?.Email ?? "";
        var own = User.OfficeOf() is { } officeId
            ? await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Id == officeId, ct)
            : User.IsInRole(Roles.Admin) ? await OfficeDirectory.ResolveAsync(db, office, ct) : null;
        Office = own?.Slug;
        TimeZone = own?.TimeZoneId ?? TimeZone;
        var culture = Language.Current;
        // A clerk works only at the desks assigned to them; an admin at every desk of the office.
        Desks = own is null ? [] : (await StaffDesks.Of(db, User, own.Id).AsNoTracking().Where(d => d.Active).OrderBy(d => d.Number).ToListAsync(ct))
            .Select(d => (d.Id, d.Number, d.Name(culture))).ToList();
        // The desk asked for, else the clerk's own desk, else the first.
        var wanted = desk ?? user?.DeskNumber;
        Desk = Desks.FirstOrDefault(d => d.Number == wanted) is { Id: > 0 } found ? found : Desks.FirstOrDefault();
        // Said, not silently swapped: the desk was switched off, or is not (or no longer) the clerk's.
        if (wanted is { } number && Desk.Number != number)
            NotOpened = number;
    }

    /// <summary>The desk asked for (or the clerk's own) that could not be opened, so the page says which one it opened instead.</summary>
    public int? NotOpened { get; private set; }
}
