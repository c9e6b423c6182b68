namespace Rantevou.Core.Audit;

/// <summary>
/// R12: marks a staff, agent or admin action for the audit log — as endpoint metadata (<c>.Audited("booking.void")</c>),
/// on a page handler method, or on a hub method. The recorder reads it; an action without it is not recorded, so the
/// tests fail when a mutating staff endpoint or handler lacks it.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class AuditedAttribute(string action) : Attribute
{
    /// <summary>The stable dotted key stored in <see cref="AuditEntry.Action"/>.</summary>
    public string Action { get; } = action;

    /// <summary>The route value or argument naming the target; by default the first of code, deskId, id, date present.</summary>
    public string? TargetFrom { get; init; }

    /// <summary>
    /// The action is on the actor's own account (password, second factor): no target is read, since its form carries a
    /// password or a one-time code under a name ("code") that elsewhere names a booking, and neither may be logged.
    /// </summary>
    public bool OwnAccount { get; init; }

    public static readonly string[] TargetNames = ["code", "deskId", "id", "date"];
}
