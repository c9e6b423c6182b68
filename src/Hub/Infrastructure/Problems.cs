using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rantevou.Core.Audit;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;

namespace Rantevou.Hub.Infrastructure;

/// <summary>
/// RFC 7807 answers in the request's language, with a stable <c>code</c> for programs. They localize themselves
/// (<see cref="Messages.Text"/>), so handlers need no localizer to refuse.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult From(Problem problem)
    {
        var status = StatusOf(problem.Kind);
        ProblemDetails details = problem.FieldErrors is { } fields
            ? new HttpValidationProblemDetails(fields.ToDictionary(f => f.Key, f => f.Value.Select(Messages.Text).ToArray()))
            : new ProblemDetails();
        details.Status = status;
        details.Title = problem.Args.Length == 0 ? Messages.Text(problem.MessageKey) : Messages.Text(problem.MessageKey, problem.Args);
        if (problem.DetailKey is { } detail)
            details.Detail = Messages.Text(detail, problem.Args);
        details.Extensions["code"] = problem.MessageKey;
        return TypedResults.Problem(details);
    }

    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => StatusCodes.Status400BadRequest,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ProblemKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ProblemKind.Unauthorized => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static ProblemHttpResult Status(int status, string key)
    {
        var details = new ProblemDetails { Status = status, Title = Messages.Text(key) };
        details.Extensions["code"] = key;
        return TypedResults.Problem(details);
    }

    /// <summary>
    /// The answer to an Identity password operation that failed, or null when it succeeded: a wrong current password or a
    /// used or expired link, else the password rules (<paramref name="field"/>).
    /// </summary>
    public static ProblemHttpResult? FromPassword(Microsoft.AspNetCore.Identity.IdentityResult result, string field)
    {
        if (result.Succeeded)
            return null;
        var codes = result.Errors.Select(e => e.Code).ToList();
        var key = codes.Contains("PasswordMismatch") ? MessageKeys.PasswordWrong
            : codes.Contains("InvalidToken") ? MessageKeys.LinkExpired
            : MessageKeys.PasswordWeak;
        var name = key == MessageKeys.PasswordWrong ? "currentPassword" : key == MessageKeys.LinkExpired ? "token" : field;
        return From(Problem.Invalid(new Dictionary<string, string[]> { [name] = [key] }));
    }

    /// <summary>Bodies for errors raised before a handler runs (bad JSON, 404, 405, 413, 415) and for the rare 500, never with a stack trace.</summary>
    public static IServiceCollection AddRantevouProblemDetails(this IServiceCollection services) =>
        services.AddExceptionHandler<ContentionHandler>().AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                var key = status switch
                {
                    400 => MessageKeys.MalformedRequest,
                    401 => MessageKeys.Unauthorized,
                    403 => MessageKeys.Forbidden,
                    404 => MessageKeys.NotFoundGeneric,
                    405 => MessageKeys.MethodNotAllowed,
                    413 => MessageKeys.BodyTooLarge,
                    415 => MessageKeys.UnsupportedMediaType,
                    >= 500 => MessageKeys.ServerError,
                    _ => null,
                };
                if (key is not null)
                {
                    ctx.ProblemDetails.Title = Messages.Text(key);
                    ctx.ProblemDetails.Detail = null;
                    ctx.ProblemDetails.Extensions["code"] = key;
                }
            }
            if (ctx.ProblemDetails.Extensions.TryGetValue("code", out var code) && code is string reason)
                ctx.HttpContext.AuditReason(reason);
            ctx.ProblemDetails.Extensions.Remove("exception");
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
}
