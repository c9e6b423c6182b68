using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Rantevou.Web.Infrastructure;

/// <summary>
/// A person who follows a broken or mistyped link gets a page in their language; programs calling
/// <c>/api</c> (and the hub, health and OpenAPI paths) keep the ProblemDetails answer.
/// </summary>
public static class FriendlyNotFound
{
    public const string PagePath = "/not-found";
    static readonly string[] MachinePaths = ["/api", "/hubs", "/openapi", "/health"];

    public static IServiceCollection AddFriendlyNotFound(this IServiceCollection services) =>
        services.Configure<StatusCodePagesOptions>(o =>
        {
            var machines = o.HandleAsync;
            o.HandleAsync = ctx => IsForPeople(ctx.HttpContext) ? ShowPageAsync(ctx) : machines(ctx);
        });

    static bool IsForPeople(HttpContext http) =>
        http.Response.StatusCode == StatusCodes.Status404NotFound
        && !MachinePaths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs the pipeline again for the not-found page, keeping the 404 status.</summary>
    static async Task ShowPageAsync(StatusCodeContext ctx)
    {
        var http = ctx.HttpContext;
        var (path, query, method, endpoint) = (http.Request.Path, http.Request.QueryString, http.Request.Method, http.GetEndpoint());
        http.SetEndpoint(null);
        http.Request.RouteValues.Clear();
        http.Request.Path = PagePath;
        http.Request.QueryString = QueryString.Empty;
        http.Request.Method = HttpMethods.Get;
        try
        {
            await ctx.Next(http);
        }
        finally
        {
            (http.Request.Path, http.Request.QueryString, http.Request.Method) = (path, query, method);
            http.SetEndpoint(endpoint);
        }
    }
}
