using Rantevou.Core.Data;

namespace Rantevou.Hub.Infrastructure;

public static class HealthApi
{
    /// <summary>200 when the database answers, 503 otherwise (API.md).</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (RantevouDbContext db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct)
                ? Results.Text("ok")
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithTags("Health").ExcludeFromDescription();
        return app;
    }
}
