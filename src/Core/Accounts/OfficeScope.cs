using System.Globalization;
using System.Security.Claims;

namespace Rantevou.Core.Accounts;

/// <summary>
/// Staff act in their own office only: a clerk or an admin with an office touches that office's desks, bookings and
/// tickets, and nothing of another office. An admin without an office is the directorate's administrator and acts in
/// every office; a clerk without an office acts nowhere. The office travels in the sign-in's claims.
/// </summary>
public static class OfficeScope
{
    public const string ClaimType = "rantevou:office";

    /// <summary>The office the signed-in account belongs to, or null.</summary>
    public static int? OfficeOf(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimType), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool MayActIn(this ClaimsPrincipal user, int officeId) =>
        user.OfficeOf() is { } own ? own == officeId : user.IsInRole(Roles.Admin);

    /// <summary>Accounts the administrator sees: their office's, or every one for the directorate's administrator.</summary>
    public static bool Sees(this ClaimsPrincipal admin, AppUser account) =>
        admin.OfficeOf() is not { } own || account.OfficeId == own;
}
