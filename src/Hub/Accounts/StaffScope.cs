using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Accounts;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Accounts;

/// <summary>
/// Staff routes act in the caller's own office only (<see cref="OfficeScope"/>). A desk of another office answers 403
/// <c>OtherOffice</c>: desks are public (<c>GET /api/desks</c>), so there is nothing to hide. A booking of another office
/// answers 404 like an unknown code, so a clerk cannot learn which codes exist elsewhere. Within the office, a clerk acts
/// only at the desks assigned to them (403 <c>DeskNotAssigned</c>).
/// </summary>
public static class StaffScope
{
    /// <summary>For routes with <c>{deskId}</c>. An unknown desk goes on to the handler, which answers 404.</summary>
    public static TBuilder RequireOwnDesk<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (int.TryParse(http.Request.RouteValues["deskId"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var deskId)
                && await RefusalAsync(http.User, http.RequestServices.GetRequiredService<RantevouDbContext>(), deskId, http.RequestAborted) is { } refused)
                return Problems.Status(StatusCodes.Status403Forbidden, refused);
            return await next(context);
        });

    /// <summary>For routes with a booking <c>{code}</c>: another office's booking is not found.</summary>
    public static TBuilder RequireOwnBooking<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var code = BookingCode.Normalize(http.Request.RouteValues["code"] as string);
            if (code is not null)
            {
                var db = http.RequestServices.GetRequiredService<RantevouDbContext>();
                var office = await db.Bookings.AsNoTracking().Where(b => b.Code == code).Select(b => (int?)b.OfficeId).FirstOrDefaultAsync(http.RequestAborted);
                if (office is { } id && !http.User.MayActIn(id))
                    return Problems.From(Problem.NotFound());
            }
            return await next(context);
        });

    /// <summary>
    /// Why <paramref name="user"/> may not act at the desk, or null: another office's desk (<c>OtherOffice</c>), or for a
    /// clerk a desk not assigned to them (<c>DeskNotAssigned</c>, see <see cref="StaffDesk"/>). An admin acts at every desk
    /// of their office. An unknown desk is not refused here: the action answers 404.
    /// </summary>
    static async Task<string?> RefusalAsync(ClaimsPrincipal user, RantevouDbContext db, int deskId, CancellationToken ct)
    {
        if (await DeskOfficeAsync(db, deskId, ct) is not { } office)
            return null;
        if (!user.MayActIn(office))
            return MessageKeys.OtherOffice;
        return await StaffDesks.Of(db, user, office).AnyAsync(d => d.Id == deskId, ct) ? null : MessageKeys.DeskNotAssigned;
    }

    public static Task<int?> DeskOfficeAsync(RantevouDbContext db, int deskId, CancellationToken ct) =>
        db.Desks.AsNoTracking().Where(d => d.Id == deskId).Select(d => (int?)d.OfficeId).FirstOrDefaultAsync(ct);

}
