using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rantevou.Core.Audit;

namespace Rantevou.Web.Infrastructure;

/// <summary>
/// R12: page handlers that change something carry <see cref="AuditedAttribute"/>; this filter hands the action, its
/// target and whether the form was refused to the request's <see cref="AuditFeature"/>, and the audit trail middleware
/// writes the entry. Staff pages redirect after a change that was made (post/redirect/get), so a handler that answers
/// with the page again was refused (errors, or a change waiting for confirmation).
/// </summary>
public sealed class AuditPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var declared = context.HandlerMethod?.MethodInfo.GetCustomAttribute<AuditedAttribute>();
        var audit = context.HttpContext.Features.Get<AuditFeature>();
        if (declared is null || audit is null)
        {
            await next();
            return;
        }
        audit.Action = declared.Action;
        audit.Target = TargetOf(context, declared);
        var executed = await next();
        if (executed.Result is PageResult)
        {
            // The page shown again: with a question waiting for the admin's confirmation, or with errors.
            if (context.HandlerInstance is Pages.Admin.AdminPageModel { Confirming: true })
                audit.Asked = true;
            else
                audit.Refused = true;
        }
    }

    /// <summary>The declared name (else code, deskId, id, date) among the handler's arguments, the route, then the form.</summary>
    static string? TargetOf(PageHandlerExecutingContext context, AuditedAttribute declared)
    {
        if (declared.OwnAccount)
            return null;
        var names = declared.TargetFrom is { } named ? [named] : AuditedAttribute.TargetNames;
        foreach (var name in names)
        {
            if (context.HandlerArguments.TryGetValue(name, out var argument) && argument?.ToString() is { Length: > 0 } a)
                return a;
            if (context.RouteData.Values.TryGetValue(name, out var route) && route?.ToString() is { Length: > 0 } r)
                return r;
            if (context.HttpContext.Request.HasFormContentType && context.HttpContext.Request.Form[name].FirstOrDefault() is { Length: > 0 } f)
                return f;
        }
        return null;
    }
}
