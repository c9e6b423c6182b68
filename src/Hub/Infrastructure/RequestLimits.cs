using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Rantevou.Core.Documents;
using Rantevou.Hub.Documents;

namespace Rantevou.Hub.Infrastructure;

/// <summary>
/// API bodies are small JSON: anything over the limit is refused with 413 before it is read.
/// Document uploads (R10) get their own, larger limit from <see cref="DocumentOptions"/>.
/// </summary>
public static class RequestLimits
{
    public const long ApiBodyBytes = 64 * 1024;

    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            var max = DocumentsApi.IsUpload(ctx.Request)
                ? ctx.RequestServices.GetRequiredService<IOptions<DocumentOptions>>().Value.MaxRequestBytes
                : ApiBodyBytes;
            if (ctx.Request.ContentLength > max)
            {
                ctx.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = max;
        }
        await next(ctx);
    });
}
