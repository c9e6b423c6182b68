using Microsoft.AspNetCore.Http.Json;
using Rantevou.Hub.Accounts;
using Rantevou.Hub.Admin;
using Rantevou.Hub.Agents;
using Rantevou.Hub.Audit;
using Rantevou.Hub.Booking;
using Rantevou.Hub.Devices;
using Rantevou.Hub.Documents;

namespace Rantevou.Hub.Infrastructure;

public static class ApiSetup
{
    public static IHostApplicationBuilder AddRantevouApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRantevouProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.PropertyNameCaseInsensitive = true);
        builder.Services.AddScoped<IdempotencyFilter>();
        builder.Services.AddRantevouRateLimits();
        builder.AddRantevouHealth();
        builder.Services.AddRantevouRelease();
        return builder;
    }

    public static WebApplication MapRantevouApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapHealth();
        app.MapReleaseApi();
        app.MapCatalogueApi();
        app.MapBookingApi();
        app.MapDocumentsApi();
        app.MapAuthApi();
        app.MapAccountApi();
        app.MapTwoFactorApi();
        app.MapAgentApi();
        app.MapAgentAccountsApi();
        app.MapStaffAccountsApi();
        app.MapAdminApi();
        app.MapOfficesApi();
        app.MapServiceTimesApi();
        app.MapStatisticsApi();
        app.MapAuditApi();
        app.MapDevicesApi();
        return app;
    }
}
