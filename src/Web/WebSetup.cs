using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Rantevou.Web;

public static class WebSetup
{
    public static IHostApplicationBuilder AddRantevouWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        return builder;
    }

    public static IEndpointRouteBuilder MapRantevouWeb(this IEndpointRouteBuilder app)
    {
        app.MapStaticAssets();
        app.MapRazorPages();
        return app;
    }
}
