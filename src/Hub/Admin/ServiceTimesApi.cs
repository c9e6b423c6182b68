using Microsoft.AspNetCore.Http.HttpResults;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Accounts;
using Rantevou.Core.Admin;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Admin;

/// <summary>R11: the services' real times and suggested service times (<see cref="ServiceTimes"/>); applying one is an ordinary service edit.</summary>
public static class ServiceTimesApi
{
    public static IEndpointRouteBuilder MapServiceTimesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/service-times", GetAsync).WithTags("Admin").WithName("ServiceTimes").RequireAuthorization(Policies.Admin).WithAdminOffice();
        return app;
    }

    static async Task<Results<Ok<ServiceTimesDto>, ProblemHttpResult>> GetAsync(int? weeks, HttpContext http, ServiceTimes times, CancellationToken ct)
    {
        if (weeks is < 1 or > 52)
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["weeks"] = [MessageKeys.SettingOutOfRange] }));
        return TypedResults.Ok(await times.ForOfficeAsync(AdminOffice.Id(http), weeks ?? ServiceTimes.DefaultWeeks, ct));
    }
}
