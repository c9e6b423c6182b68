using Microsoft.AspNetCore.Http.HttpResults;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Accounts;
using Rantevou.Core.Admin;
using Rantevou.Core.Localization;
using Rantevou.Hub.Audit;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Admin;

/// <summary>
/// The directorate's offices (<see cref="AdminOffices"/>): every administrator lists the offices they administer and
/// the catalogue; only the directorate's administrator adds an office.
/// </summary>
public static class OfficesApi
{
    public static IEndpointRouteBuilder MapOfficesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Admin");
        api.MapGet("/offices", async (HttpContext http, AdminOffices offices, CancellationToken ct) =>
            TypedResults.Ok(await offices.ListAsync(http.User.OfficeOf(), ct))).RequireAuthorization(Policies.Admin);
        api.MapGet("/catalogue", () => TypedResults.Ok(AdminOffices.Catalogue(Language.Current))).RequireAuthorization(Policies.Admin);
        api.MapPost("/offices", CreateAsync).RequireAuthorization(Policies.Directorate).Audited("admin.office.create");
        return app;
    }

    static async Task<Results<Created<OfficeSummary>, ProblemHttpResult>> CreateAsync(OfficeCreate create, AdminOffices offices, CancellationToken ct)
    {
        var outcome = await offices.CreateAsync(create, ct);
        return outcome.Ok ? TypedResults.Created($"/api/admin/offices/{outcome.Value.Slug}", outcome.Value) : Problems.From(outcome.Problem);
    }
}
