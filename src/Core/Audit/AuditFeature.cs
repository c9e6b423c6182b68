using Microsoft.AspNetCore.Http;

namespace Rantevou.Core.Audit;

/// <summary>
/// The audit facts of one request, filled as it goes: the action and target from the endpoint's or handler's
/// <see cref="AuditedAttribute"/>, and anything only the handler knows (the code of the booking it created, or a
/// form that was answered with errors). The audit trail middleware writes the entry when the answer starts.
/// </summary>
public sealed class AuditFeature
{
    public string? Action { get; set; }
    public string? Target { get; set; }

    /// <summary>The request was answered without doing what it asked (a page form shown again with errors).</summary>
    public bool Refused { get; set; }

    /// <summary>The change waits for the admin's confirmation (it would cancel bookings or close today): asked, not refused.</summary>
    public bool Asked { get; set; }

    /// <summary>Why it was refused: the stable code of the problem answered (<c>AgentQuota</c>, <c>SlotTaken</c>, …), if any.</summary>
    public string? Reason { get; set; }
}

public static class AuditHttpContext
{
    /// <summary>Names the target when only the handler knows it (e.g. the code of the booking it just created).</summary>
    public static void AuditTarget(this HttpContext http, string target)
    {
        if (http.Features.Get<AuditFeature>() is { } audit)
            audit.Target = target;
    }

    /// <summary>Names why the request was refused (the problem's code), so the log says more than its status (R12).</summary>
    public static void AuditReason(this HttpContext http, string code)
    {
        if (http.Features.Get<AuditFeature>() is { } audit)
            audit.Reason ??= code;
    }

    /// <summary>Replaces the action when one handler does two things (a page that creates or updates).</summary>
    public static void AuditAction(this HttpContext http, string action)
    {
        if (http.Features.Get<AuditFeature>() is { } audit)
            audit.Action = action;
    }
}
