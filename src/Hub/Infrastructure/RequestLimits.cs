using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Rantevou.Core.Documents;
using Rantevou.Hub.Documents;

namespace Rantevou.Hub.Infrastructure;

/// <summary>
/// API bodies are small UTF-8 JSON: anything over the limit is refused with 413 before it is read.
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
            if (ctx.Request.HasJsonContentType() && !IsUtf8(ctx.Request.ContentType))
            {
                // JSON is UTF-8 (RFC 8259). The JSON reader throws on a charset it does not know (utf-7, nonsense),
                // which would be a 500; any other declared charset is refused the same way, as unsupported.
                ctx.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }
        }
        await next(ctx);
    });

    static bool IsUtf8(string? contentType) =>
        !MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.Charset.HasValue
        || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
}
