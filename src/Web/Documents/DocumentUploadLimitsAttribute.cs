using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rantevou.Core.Documents;

namespace Rantevou.Web.Documents;

/// <summary>
/// R12: a page that accepts a document takes at most one file's worth of form, from <see cref="DocumentOptions"/>.
/// It runs before the antiforgery check, which is what first reads the form.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DocumentUploadLimitsAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before antiforgery validation (order 1000).</summary>
    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.HasFormContentType)
            return;
        var limits = http.RequestServices.GetRequiredService<IOptions<DocumentOptions>>().Value;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max)
            max.MaxRequestBodySize = limits.MaxRequestBytes;
        if (http.Features.Get<IFormFeature>() is not { Form: not null })
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
            {
                MultipartBodyLengthLimit = limits.MaxRequestBytes,
                ValueCountLimit = 16,
                MultipartHeadersCountLimit = 8,
            }));
    }
}
