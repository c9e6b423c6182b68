using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Audit;
using Rantevou.Core.Documents;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Audit;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Queue;

/// <summary>
/// R10: the documents checklist of the person at a desk, under the desk group (staff of the desk's office only). Each
/// tick is saved with the clerk and the time, and audited (R12) against the booking's or ticket's code.
/// </summary>
public static class DeskChecklistApi
{
    public static RouteGroupBuilder MapDeskChecklist(this RouteGroupBuilder desk)
    {
        desk.MapGet("/current/documents", ListAsync).WithName("DeskChecklist");
        desk.MapPut("/current/documents/{index:int}", CheckAsync).WithName("CheckDocument").Audited("desk.document-check");
        return desk;
    }

    static async Task<Results<Ok<DeskChecklist>, ProblemHttpResult>> ListAsync(
        int deskId, DocumentChecklist checklist, CancellationToken ct)
    {
        var outcome = await checklist.ForDeskAsync(deskId, ct);
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome.Problem);
    }

    static async Task<Results<Ok<DeskChecklist>, ProblemHttpResult>> CheckAsync(
        int deskId, int index, DocumentCheckRequest request, ClaimsPrincipal user, HttpContext http, DocumentChecklist checklist, CancellationToken ct)
    {
        if (request.Checked is not { } check)
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["checked"] = [DeskMessageKeys.CheckedRequired] }));
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } by)
            return Problems.From(Problem.NotFound(MessageKeys.DeskUnknown));
        if (!check)
            http.AuditAction("desk.document-uncheck");
        var outcome = await checklist.SetAsync(deskId, index, check, by, ct);
        if (!outcome.Ok)
            return Problems.From(outcome.Problem);
        http.AuditTarget($"{outcome.Value.Code} #{index + 1}");
        return TypedResults.Ok(outcome.Value);
    }
}
