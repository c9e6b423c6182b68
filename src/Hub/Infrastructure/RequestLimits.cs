using Microsoft.AspNetCore.Http.Features;

namespace Rantevou.Hub.Infrastructure;

/// <summary>API bodies are small JSON: anything over the limit is refused with 413 before it is read.</summary>
public static class RequestLimits
{
    public const long ApiBodyBytes = 64 * 1024;

    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            if (ctx.Request.ContentLength > ApiBodyBytes)
            {
                ctx.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = ApiBodyBytes;
        }
        await next(ctx);
    });
}
