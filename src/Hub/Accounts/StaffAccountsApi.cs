using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Accounts;
using Rantevou.Hub.Audit;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Accounts;

/// <summary>
/// The office's staff accounts, run by its administrators (<see cref="StaffAccounts"/>): another office's
/// account answers 404; the directorate's administrator runs every office.
/// </summary>
public static class StaffAccountsApi
{
    public static IEndpointRouteBuilder MapStaffAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/staff").WithTags("Admin").RequireAuthorization(Policies.Admin);
        api.MapGet("/", ListAsync).WithName("StaffAccounts");
        api.MapPost("/", CreateAsync).WithName("CreateStaffAccount").Audited("admin.staff.create");
        api.MapPut("/{id}", EditAsync).WithName("EditStaffAccount").Audited("admin.staff.edit", targetFrom: "id");
        api.MapPost("/{id}/disable", (string id, ClaimsPrincipal user, StaffAccounts accounts, CancellationToken ct) =>
            SetDisabledAsync(id, true, user, accounts, ct)).WithName("DisableStaffAccount").Audited("admin.staff.disable", targetFrom: "id");
        api.MapPost("/{id}/enable", (string id, ClaimsPrincipal user, StaffAccounts accounts, CancellationToken ct) =>
            SetDisabledAsync(id, false, user, accounts, ct)).WithName("EnableStaffAccount").Audited("admin.staff.enable", targetFrom: "id");
        api.MapPost("/{id}/two-factor/reset", ResetTwoFactorAsync).WithName("ResetStaffTwoFactor").Audited("admin.staff.two-factor-reset", targetFrom: "id");
        return app;
    }

    static async Task<Results<Ok<StaffAccountDto>, ProblemHttpResult>> ResetTwoFactorAsync(
        string id, ClaimsPrincipal user, StaffAccounts accounts, CancellationToken ct)
    {
        var outcome = await accounts.ResetTwoFactorAsync(user.OfficeOf(), id, user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome.Problem);
    }

    static async Task<Ok<List<StaffAccountDto>>> ListAsync(ClaimsPrincipal user, StaffAccounts accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ListAsync(user.OfficeOf(), ct));

    static async Task<Results<Created<StaffAccountDto>, ProblemHttpResult>> CreateAsync(
        NewStaffRequest request, ClaimsPrincipal user, StaffAccounts accounts, CancellationToken ct)
    {
        var outcome = await accounts.CreateAsync(request, user.OfficeOf(), ct);
        return outcome.Ok
            ? TypedResults.Created($"/api/admin/staff/{outcome.Value.Id}", outcome.Value)
            : Problems.From(outcome.Problem);
    }

    static async Task<Results<Ok<StaffAccountDto>, ProblemHttpResult>> EditAsync(
        string id, StaffEdit edit, ClaimsPrincipal user, StaffAccounts accounts, CancellationToken ct)
    {
        var outcome = await accounts.EditAsync(user.OfficeOf(), id, edit, user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome.Problem);
    }

    static async Task<Results<Ok<StaffAccountDto>, ProblemHttpResult>> SetDisabledAsync(
        string id, bool disabled, ClaimsPrincipal user, StaffAccounts accounts, CancellationToken ct)
    {
        var outcome = await accounts.SetDisabledAsync(user.OfficeOf(), id, disabled, user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome.Problem);
    }
}
