using Rantevou.Core.Release;

namespace Rantevou.Hub.Infrastructure;

/// <summary><c>GET /api/release</c>: the build this node runs, asked now and then by kiosks and displays (self-update.js).</summary>
public static class ReleaseApi
{
    public sealed record ReleaseDto(string Id);

    public static IServiceCollection AddRantevouRelease(this IServiceCollection services) =>
        services.AddSingleton(_ => ReleaseInfo.Of(
            [typeof(Program).Assembly, typeof(ReleaseInfo).Assembly, typeof(Web.WebSetup).Assembly,
                typeof(Kiosk.Localization.KioskText).Assembly, typeof(Display.Localization.DisplayText).Assembly],
            Path.Combine(AppContext.BaseDirectory, "Rantevou.Hub.staticwebassets.endpoints.json")));

    public static IEndpointRouteBuilder MapReleaseApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/release", (ReleaseInfo release, HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(new ReleaseDto(release.Id));
            })
            .WithTags("Release").WithName("Release").AllowAnonymous();
        return app;
    }
}
