using System.Security.Claims;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Accounts;

/// <summary>
/// The desks a signed-in clerk or admin works at, one answer for the desk API's checks and the clerk's screen:
/// an admin every desk of the office, a clerk only the desks assigned to them (<see cref="StaffDesk"/>).
/// Whether the account may act in the office at all is <see cref="OfficeScope"/>'s question.
/// </summary>
public static class StaffDesks
{
    public static IQueryable<Desk> Of(RantevouDbContext db, ClaimsPrincipal user, int officeId)
    {
        var desks = db.Desks.Where(d => d.OfficeId == officeId);
        if (user.IsInRole(Roles.Admin))
            return desks;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return desks.Where(d => db.StaffDesks.Any(s => s.UserId == id && s.DeskId == d.Id));
    }
}
