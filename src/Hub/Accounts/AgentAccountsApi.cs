using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Rantevou.Contracts.Agents;
using Rantevou.Core.Accounts;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;
using Rantevou.Hub.Audit;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Accounts;

/// <summary>R8: driving schools and processing agents get accounts only from the administrators; there is no self sign-up.</summary>
public static class AgentAccountsApi
{
    public static IEndpointRouteBuilder MapAgentAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/agents").WithTags("Admin").RequireAuthorization(Policies.Admin);
        api.MapGet("/", ListAsync).WithName("AgentAccounts");
        api.MapPost("/", CreateAsync).WithName("CreateAgentAccount").Audited("admin.agent.create");
        return app;
    }

    static async Task<Ok<List<AgentAccountDto>>> ListAsync(UserManager<AppUser> users, CancellationToken ct)
    {
        var agents = await users.GetUsersInRoleAsync(Roles.Agent);
        return TypedResults.Ok(agents.OrderBy(a => a.DisplayName).Select(a => new AgentAccountDto(a.Id, a.Email ?? "", a.DisplayName,
            a.AgentKind?.ToString() ?? "", a.PhoneNumber, a.LockoutEnd > DateTimeOffset.MinValue)).ToList());
    }

    static async Task<Results<Created<AgentAccountDto>, ProblemHttpResult>> CreateAsync(
        NewAgentRequest request, AgentAccounts accounts, IStringLocalizer<Messages> text, CancellationToken ct)
    {
        var outcome = await accounts.CreateAsync(request, ct);
        return outcome.Ok
            ? TypedResults.Created($"/api/admin/agents/{outcome.Value!.Id}", outcome.Value)
            : Problems.From(outcome.Problem!, text);
    }
}
