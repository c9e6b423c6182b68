using Microsoft.Extensions.Localization;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;

namespace Rantevou.Web.Infrastructure;

/// <summary>A refused form's messages, in the request's language, for the page to show beside its fields.</summary>
public static class FormErrors
{
    /// <summary>Each field's messages beside that field; a problem about no field beside <paramref name="otherwise"/>.</summary>
    public static void Fill(IDictionary<string, string> errors, Problem problem, IStringLocalizer<Messages> messages, string otherwise)
    {
        foreach (var (field, keys) in problem.FieldErrors ?? new Dictionary<string, string[]>())
            errors[field] = string.Join(" ", keys.Select(k => messages[k].Value));
        if (problem.FieldErrors is null)
            errors[otherwise] = messages[problem.MessageKey];
    }
}
