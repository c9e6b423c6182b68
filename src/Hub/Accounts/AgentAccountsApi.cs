using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rantevou.Contracts.Agents;
using Rantevou.Core.Accounts;
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
        api.MapPut("/{id}/quota", SetQuotaAsync).WithName("SetAgentQuota").Audited("admin.agent.quota");
        api.MapPost("/{id}/disable", (string id, ClaimsPrincipal user, AgentAccounts accounts, CancellationToken ct) =>
            SetDisabledAsync(id, true, user, accounts, ct)).WithName("DisableAgentAccount").Audited("admin.agent.disable", targetFrom: "id");
        api.MapPost("/{id}/enable", (string id, ClaimsPrincipal user, AgentAccounts accounts, CancellationToken ct) =>
            SetDisabledAsync(id, false, user, accounts, ct)).WithName("EnableAgentAccount").Audited("admin.agent.enable", targetFrom: "id");
        return app;
    }

    /// <summary>R8: an agreement that ends ends the account; another office's agent is not found.</summary>
    static async Task<Results<Ok<AgentAccountDto>, ProblemHttpResult>> SetDisabledAsync(
        string id, bool disabled, ClaimsPrincipal user, AgentAccounts accounts, CancellationToken ct)
    {
        var outcome = await accounts.SetDisabledAsync(user.OfficeOf(), id, disabled, ct);
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome.Problem);
    }

    /// <summary>The agents of the administrator's office (every agent for the directorate's administrator).</summary>
    static async Task<Ok<List<AgentAccountDto>>> ListAsync(ClaimsPrincipal user, AgentAccounts accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ListAsync(user.OfficeOf(), ct));

    /// <summary>R12: the agent's own daily quota, or null for the office's; another office's agent is not found.</summary>
    static async Task<Results<Ok<AgentAccountDto>, ProblemHttpResult>> SetQuotaAsync(
        string id, AgentQuotaEdit edit, ClaimsPrincipal user, AgentAccounts accounts, CancellationToken ct)
    {
        var outcome = await accounts.SetQuotaAsync(user.OfficeOf(), id, edit.DailyQuota, ct);
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome.Problem);
    }

    static async Task<Results<Created<AgentAccountDto>, ProblemHttpResult>> CreateAsync(
        NewAgentRequest request, ClaimsPrincipal user, AgentAccounts accounts, CancellationToken ct)
    {
        var outcome = await accounts.CreateAsync(request, user.OfficeOf(), ct);
        return outcome.Ok
            ? TypedResults.Created($"/api/admin/agents/{outcome.Value.Id}", outcome.Value)
            : Problems.From(outcome.Problem);
    }
}
