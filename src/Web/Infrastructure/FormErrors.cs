using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Audit;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;

namespace Rantevou.Web.Infrastructure;

/// <summary>A refused form's messages, in the request's language, for the page to show beside its fields.</summary>
public static class FormErrors
{
    /// <summary>
    /// Each field's messages beside that field; a problem about no field beside <paramref name="otherwise"/>. The
    /// problem's code goes to the audit log as the refusal's reason (R12).
    /// </summary>
    public static void Fill(HttpContext http, IDictionary<string, string> errors, Problem problem, IStringLocalizer<Messages> messages, string otherwise)
    {
        http.AuditReason(problem.MessageKey);
        var detail = problem.DetailKey is { } d ? " " + messages[d, problem.Args] : "";
        foreach (var (field, keys) in problem.FieldErrors ?? new Dictionary<string, string[]>())
            errors[field] = string.Join(" ", keys.Select(k => messages[k].Value)) + detail;
        if (problem.FieldErrors is null)
            errors[otherwise] = messages[problem.MessageKey] + detail;
    }
}
