using System.ComponentModel.DataAnnotations;
using Rantevou.Core.Accounts;

namespace Rantevou.Core.Booking;

/// <summary>R7: who is booking through an agent account, for whom, and the agent's own note on it.</summary>
public sealed record AgentContext(string UserId, string Name, string Email, string? Mobile, bool ForCitizen, string? Note = null)
{
    /// <summary>Room for a pupil's name or a case number, not for a letter.</summary>
    public const int NoteMaxLength = 100;

    /// <summary>The signed-in agent's account as its bookings carry it; null without an account or an address to tell (R7).</summary>
    public static AgentContext? Of(AppUser? user, bool forCitizen, string? note = null) =>
        user?.Email is null ? null : new AgentContext(user.Id, user.DisplayName, user.Email, user.PhoneNumber, forCitizen, note);

    /// <summary>The note on one line with its spaces tidied; null when empty; too long stays too long (refused).</summary>
    public static string? NormalizeNote(string? note) =>
        string.IsNullOrWhiteSpace(note) ? null : string.Join(' ', note.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
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
