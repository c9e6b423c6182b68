using Rantevou.Core.Audit;

namespace Rantevou.Hub.Audit;

/// <summary>
/// R12: the one place HTTP actions reach the audit log. Endpoints declare <c>.Audited("booking.void")</c>; page handlers
/// carry <c>[Audited]</c> and the page filter copies it into the request's <see cref="AuditFeature"/>. This middleware runs
/// before authorization, so a clerk refused an admin action (403) is logged too, and writes the entry as the answer
/// starts — with its status, even for 4xx and 5xx — before the caller can read it.
/// </summary>
public static class AuditTrail
{
    /// <summary>Marks an endpoint as an audited action; <paramref name="targetFrom"/> names the route value of its target.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action, string? targetFrom = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedAttribute(action) { TargetFrom = targetFrom });

    public static IApplicationBuilder UseAuditTrail(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
        {
            await next(http);
            return;
        }
        var declared = http.GetEndpoint()?.Metadata.GetMetadata<AuditedAttribute>();
        var audit = new AuditFeature { Action = declared?.Action };
        http.Features.Set(audit);
        var written = false;
        http.Response.OnStarting(async () =>
        {
            if (written)
                return;
            written = true;
            await WriteAsync(http, audit, declared, http.Response.StatusCode);
        });
        try
        {
            await next(http);
        }
        catch when (!written)
        {
            // A crash is written here, as a failure, before the exception handler answers 500.
            written = true;
            await WriteAsync(http, audit, declared, StatusCodes.Status500InternalServerError);
            throw;
        }
    });

    static async Task WriteAsync(HttpContext http, AuditFeature audit, AuditedAttribute? declared, int status)
    {
        var recorder = http.RequestServices.GetRequiredService<AuditRecorder>();
        try
        {
            if (audit.Action is not { } action || AuditActor.From(http.User) is not { } actor)
                return;
            var outcome = audit.Asked ? AuditOutcome.Asked
                : audit.Refused && status < 400 ? AuditOutcome.Refused : AuditRecorder.OutcomeOf(status);
            var channel = declared is null ? AuditChannel.Page : AuditChannel.Api;
            await recorder.RecordAsync(new AuditRecord(actor, action, audit.Target ?? TargetOf(http, declared, status), status, outcome, channel,
                http.Connection.RemoteIpAddress?.ToString(), outcome is AuditOutcome.Refused or AuditOutcome.Failed ? audit.Reason : null));
        }
        catch (Exception e)
        {
            http.RequestServices.GetRequiredService<ILogger<AuditRecorder>>().LogError(e, "Audit entry not written for {Path}", http.Request.Path);
        }
    }

    /// <summary>The declared route value, else the first of code, deskId, id, date; for a 201 the new resource's id from its Location.</summary>
    static string? TargetOf(HttpContext http, AuditedAttribute? declared, int status)
    {
        var names = declared?.TargetFrom is { } named ? [named] : AuditedAttribute.TargetNames;
        foreach (var name in names)
            if (http.Request.RouteValues.TryGetValue(name, out var value) && value?.ToString() is { Length: > 0 } text)
                return text;
        if (status == StatusCodes.Status201Created && http.Response.Headers.Location.ToString() is { Length: > 0 } location)
            return location.TrimEnd('/').Split('/')[^1];
        return null;
    }
}
