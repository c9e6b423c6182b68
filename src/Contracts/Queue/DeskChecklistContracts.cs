namespace Rantevou.Contracts.Queue;

/// <summary>
/// R10: the required documents of the person at a desk, each with whether a clerk has ticked it, who and when
/// (GET /api/desks/{deskId}/current/documents). Code is the booking's or ticket's code, so a screen can tell whose list it is.
/// </summary>
public sealed record DeskChecklist(string Code, string Label, IReadOnlyList<DocumentCheckItem> Items);

/// <summary>One required document, in the service's order; <c>CheckedBy</c> is the clerk's display name.</summary>
public sealed record DocumentCheckItem(int Index, string Text, bool Checked, string? CheckedBy, DateTimeOffset? CheckedAt);

/// <summary>PUT /api/desks/{deskId}/current/documents/{index}: tick (true) or untick (false).</summary>
public sealed record DocumentCheckRequest(bool? Checked);
