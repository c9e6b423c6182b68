using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rantevou.Core.Documents;

namespace Rantevou.Web.Documents;

/// <summary>
/// R12: a page that accepts a document takes at most one file's worth of form, from <see cref="DocumentOptions"/>.
/// It runs before the antiforgery check, which is what first reads the form.
/// R10: a form declared larger than that is never parsed; the person gets the page again with "file too large" next to
/// the upload field (<see cref="TooLargeQuery"/>), not a bare 413 or an error document.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DocumentUploadLimitsAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>The query the page is shown again with after a refused upload.</summary>
    public const string TooLargeQuery = "upload";
    public const string TooLargeValue = "too-large";

    /// <summary>
    /// How much of a too-large form is read and dropped so the browser, still sending, sees the answer: a server that
    /// answers mid-upload and closes is shown by browsers as a reset connection. Beyond this the connection is closed.
    /// </summary>
    public const int DrainFactor = 8;

    /// <summary>Before antiforgery validation (order 1000).</summary>
    public int Order => 900;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.HasFormContentType)
            return;
        var limits = http.RequestServices.GetRequiredService<IOptions<DocumentOptions>>().Value;
        var max = http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature ? feature : null;
        if (http.Request.ContentLength is { } length && length > limits.MaxRequestBytes)
        {
            if (length <= limits.MaxRequestBytes * DrainFactor)
            {
                if (max is not null)
                    max.MaxRequestBodySize = length;
                await DrainAsync(http);
            }
            context.Result = new RedirectResult(ShownAgain(http.Request));
            return;
        }
        if (max is not null)
            max.MaxRequestBodySize = limits.MaxRequestBytes;
        if (http.Features.Get<IFormFeature>() is not { Form: not null })
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
            {
                MultipartBodyLengthLimit = limits.MaxRequestBytes,
                ValueCountLimit = 16,
                MultipartHeadersCountLimit = 8,
            }));
    }

    static async Task DrainAsync(HttpContext http)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await http.Request.Body.ReadAsync(buffer, http.RequestAborted) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException or OperationCanceledException)
        {
            // The person gave up or the connection broke: the redirect goes nowhere, nothing was kept either way.
        }
    }

    /// <summary>The page the form was on (its handler dropped), marked so it shows why the file was refused.</summary>
    static string ShownAgain(HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !q.Key.Equals("handler", StringComparison.OrdinalIgnoreCase) && !q.Key.Equals(TooLargeQuery, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new(TooLargeQuery, TooLargeValue));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query) + "#upload";
    }
}
