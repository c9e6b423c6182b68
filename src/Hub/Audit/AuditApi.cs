using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Accounts;
using Rantevou.Core.Audit;
using Rantevou.Core.Data;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Audit;

/// <summary>R12: administrators search the audit log of staff and agent actions (docs/api.md, "Audit log").</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/audit", SearchAsync).WithTags("Admin").WithName("AuditLog").RequireAuthorization(Policies.Admin);
        return app;
    }

    /// <summary>Every filter is optional; <c>from</c> and <c>to</c> are office-local dates (yyyy-MM-dd), both days included.</summary>
    static async Task<Results<Ok<AuditPageDto>, ProblemHttpResult>> SearchAsync(
        string? actor, string? action, string? target, string? person, string? from, string? to, string? page,
        AuditSearch search, RantevouDbContext db, CancellationToken ct)
    {
        // Every office of the directorate keeps Greek time; the first office's zone reads the dates.
        var zone = (await db.Offices.AsNoTracking().OrderBy(o => o.Id).FirstAsync(ct)).TimeZone;
        var outcome = await search.SearchAsync(new AuditQuery(actor, action, target, from, to, page, person), zone, ct);
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome.Problem);
    }
}
