namespace Rantevou.Contracts.Agents;

/// <summary>The citizen an agent books for (R7): their own email and mobile, so they confirm it themselves.</summary>
public sealed record CitizenDetails(string? FullName, string? Email, string? Mobile);

/// <summary>
/// Body of <c>POST /api/agent/bookings</c>: without a citizen, the agent books for itself. The note is the agent's own
/// (a pupil's name, a case number, up to 100 characters), seen by the agent and the clerk only.
/// </summary>
public sealed record AgentBookingRequest(int? ServiceId, string? Start, CitizenDetails? Citizen, string? Note = null);

/// <summary>One of the agent's bookings in its portal, with the manage link the agent holds.</summary>
public sealed record AgentBookingDto(
    string Code, string Status, DateTimeOffset Start, int ServiceId, string ServiceName, string FullName, string Email,
    bool ForCitizen, string ManageToken, string? Note = null);

/// <summary>Body of <c>POST /api/admin/agents</c> (R8): the account's details and an initial password the admin hands over.</summary>
public sealed record NewAgentRequest(string? Email, string? DisplayName, string? Kind, string? Mobile, string? Password);

/// <param name="DailyQuota">R12: the account's own daily quota; null when the office's quota applies.</param>
/// <summary>An agent account; Disabled: an administrator ended it (no sign-in, no booking; its bookings stay).</summary>
public sealed record AgentAccountDto(string Id, string Email, string DisplayName, string Kind, string? Mobile, bool LockedOut, int? DailyQuota = null,
    bool Disabled = false);

/// <summary>Body of <c>PUT /api/admin/agents/{id}/quota</c> (R12): a number, or null for the office's quota.</summary>
public sealed record AgentQuotaEdit(int? DailyQuota);
