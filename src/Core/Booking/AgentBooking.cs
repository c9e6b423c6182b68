using System.ComponentModel.DataAnnotations;
using Rantevou.Core.Accounts;

namespace Rantevou.Core.Booking;

/// <summary>R7: who is booking through an agent account, and for whom.</summary>
public sealed record AgentContext(string UserId, string Name, string Email, string? Mobile, bool ForCitizen)
{
    /// <summary>The signed-in agent's account as its bookings carry it; null without an account or an address to tell (R7).</summary>
    public static AgentContext? Of(AppUser? user, bool forCitizen) =>
        user?.Email is null ? null : new AgentContext(user.Id, user.DisplayName, user.Email, user.PhoneNumber, forCitizen);
}

/// <summary>R7, R12: agent accounts' settings (section Rantevou:Agents).</summary>
public sealed class AgentOptions
{
    /// <summary>Bookings one agent may make per day (R12: no slot hoarding): a new office's starting quota.</summary>
    [Range(1, 1000000)]
    public int DailyQuota { get; set; } = 20;

    /// <summary>R7: how long a citizen has to confirm a booking an agent made for them before it is released.</summary>
    [Range(5, 10080)]
    public int CitizenConfirmMinutes { get; set; } = 24 * 60;
}
