namespace Rantevou.Contracts.Admin;

// Staff accounts (clerks and admins) run by the office's administrators under /api/admin/staff.

/// <param name="Role">"Clerk" or "Admin".</param>
/// <param name="OfficeId">The office; null for the directorate's administrator.</param>
/// <param name="DeskIds">A clerk's assigned desks (an admin acts at every desk of the office).</param>
/// <param name="Invited">The invitation is still open: no password has been set yet.</param>
/// <param name="TwoFactor">The account signs in with a second factor (an authenticator app).</param>
public sealed record StaffAccountDto(string Id, string Email, string DisplayName, string Role, int? OfficeId, List<int> DeskIds, bool Disabled, bool Invited, bool TwoFactor = false);

/// <param name="OfficeId">Only the directorate's administrator chooses; an office's administrator creates in their own office.</param>
/// <param name="Culture">The invitation's first language is always Greek; kept for the link's page language ("el" or "en").</param>
public sealed record NewStaffRequest(string? Email, string? DisplayName, string? Role, int? OfficeId, List<int>? DeskIds, string? Culture = null);

public sealed record StaffEdit(string? DisplayName, string? Role, List<int>? DeskIds);
