namespace Rantevou.Contracts.Admin;

// R12: the audit log as administrators search it (GET /api/admin/audit). Times are office local (Europe/Athens).

/// <param name="Target">Booking code, desk id, service id, date or account id, as the action's route names it.</param>
/// <param name="Outcome">Succeeded, Refused (4xx, or a form answered with errors), Failed (5xx) or Asked (a change waiting for the admin's confirmation).</param>
/// <param name="Channel">Api, Page or Hub.</param>
/// <param name="Reason">For a refused or failed action, the code of the problem answered (<c>AgentQuota</c>, <c>SlotTaken</c>, …).</param>
public sealed record AuditEntryDto(
    long Id, DateTimeOffset At, string ActorId, string ActorName, string ActorRole, string Action, string? Target,
    int Status, string Outcome, string Channel, string? ClientIp, string? Reason = null);

/// <summary>One page of entries, newest first.</summary>
public sealed record AuditPageDto(List<AuditEntryDto> Items, int Page, int PageSize, int Total);
