using Microsoft.AspNetCore.Identity;

namespace Rantevou.Core.Accounts;

/// <summary>A staff member or an agent account (R8: agents only by the administrators' agreement).</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The office the account works in (staff) or books at first (agents).</summary>
    public int? OfficeId { get; set; }

    /// <summary>For a clerk: the desk they sit at by default.</summary>
    public int? DeskNumber { get; set; }

    /// <summary>For an agent (R7): a driving school or a processing agent.</summary>
    public AgentKind? AgentKind { get; set; }

    /// <summary>For an agent (R12): its own daily quota, set by the administrators; null means the office's quota.</summary>
    public int? DailyQuota { get; set; }

    /// <summary>Disabled by an administrator: cannot sign in, and every cookie and bearer token of it is refused.</summary>
    public bool Disabled { get; set; }
}

public enum AgentKind
{
    DrivingSchool,
    ProcessingAgent,
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Clerk = "Clerk";
    public const string Agent = "Agent";
    public static readonly string[] All = [Admin, Clerk, Agent];
}

/// <summary>Authorization policy names used by endpoints, pages and hub methods.</summary>
public static class Policies
{
    /// <summary>Clerks, and admins who may stand in at a desk.</summary>
    public const string Staff = "Staff";
    public const string Admin = "Admin";

    /// <summary>The directorate's administrator: an admin who belongs to no office, and so may add offices.</summary>
    public const string Directorate = "Directorate";
    public const string Agent = "Agent";

    /// <summary>Any signed-in account with a role: its own password and sessions.</summary>
    public const string Account = "Account";
}
