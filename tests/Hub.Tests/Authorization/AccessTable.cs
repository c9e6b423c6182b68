using Rantevou.Contracts.Queue;

namespace Rantevou.Hub.Tests.Authorization;

/// <summary>Who may get a 2xx from an endpoint or a hub method.</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not.</summary>
    Public,

    /// <summary>Anyone holding the capability in the URL: the booking's manage/confirm token, or a walk-in ticket's code.</summary>
    TokenHolder,

    /// <summary>Clerks and admins (<c>Policies.Staff</c>).</summary>
    Staff,

    /// <summary>Admins only (<c>Policies.Admin</c>).</summary>
    Admin,

    /// <summary>
    /// The directorate's administrator, an admin of no office (<c>Policies.Directorate</c>). None of the matrix's
    /// identities is one: its office's admin must be refused too.
    /// </summary>
    Directorate,

    /// <summary>Driving schools and processing agents (<c>Policies.Agent</c>).</summary>
    Agent,

    /// <summary>Any signed-in account with a role, for its own password and sessions (<c>Policies.Account</c>).</summary>
    Account,

    /// <summary>
    /// A registered, unrevoked kiosk of the office, by its device cookie (ADR 0015). No account stands behind it, so the
    /// authorization metadata admits everyone and the endpoint's filter checks the device: 401 without one, 403 for a display.
    /// </summary>
    Kiosk,
}

/// <param name="Method">The HTTP method, or <c>*</c> for an endpoint without method metadata (Razor pages, the hub's connection).</param>
/// <param name="Pattern">The route pattern as the app reports it (leading slash, no trailing slash, constraints kept).</param>
public sealed record Rule(string Method, string Pattern, Access Access);

/// <summary>
/// The declared access of every endpoint the app maps. A new endpoint fails <see cref="EndpointMatrixTests"/> until it
/// has a line here, so every endpoint gets a decision. Adding an endpoint = adding one line (method, pattern as the
/// failure message prints it, access). Static assets are one line each, as the app maps them.
/// </summary>
public static class AccessTable
{
    public static readonly Rule[] Endpoints =
    [
        // Infrastructure
        new("*", "/health", Access.Public),
        new("*", "/health/live", Access.Public),
        new("*", "/health/ready", Access.Public),
        new("GET", "/api/release", Access.Public),
        // Static files (the fingerprinted assets of the manifest are recognised by their descriptor, not listed)
        new("GET", "/{**path:file}", Access.Public),
        new("HEAD", "/{**path:file}", Access.Public),
        new("GET", "/openapi/{documentName}.json", Access.Public),
        new("POST", "/api/auth/login", Access.Public),
        // The account's own password and sessions (both ask for the current password, so the probe's empty body is a 400)
        new("POST", "/api/account/sign-out-everywhere", Access.Account),
        new("POST", "/api/account/password", Access.Account),
        // The account's own second factor (the posts ask for a current code, so the probe's empty body is a 400 or 409)
        new("GET", "/api/account/two-factor", Access.Account),
        new("POST", "/api/account/two-factor", Access.Account),
        new("POST", "/api/account/two-factor/disable", Access.Account),
        new("POST", "/api/account/two-factor/recovery-codes", Access.Account),

        // R1: catalogue and booking (the booking's own calls need its token)
        new("GET", "/api/services", Access.Public),
        new("GET", "/api/services/{id:int}/availability", Access.Public),
        new("POST", "/api/bookings", Access.Public),
        new("GET", "/api/bookings/{code}", Access.TokenHolder),
        new("POST", "/api/bookings/{code}/confirm", Access.TokenHolder),
        new("POST", "/api/bookings/{code}/reschedule", Access.TokenHolder),
        new("POST", "/api/bookings/{code}/cancel", Access.TokenHolder),
        new("GET", "/api/bookings/{code}/live", Access.TokenHolder),
        new("GET", "/api/bookings/{code}/documents", Access.TokenHolder),
        new("POST", "/api/bookings/{code}/documents", Access.TokenHolder),
        new("GET", "/api/bookings/{code}/documents/{id:guid}", Access.TokenHolder),
        new("DELETE", "/api/bookings/{code}/documents/{id:guid}", Access.TokenHolder),

        // Kiosk, display, walk-in tickets (R3, R5, R6): only a paired kiosk checks in and issues tickets; the display is public
        new("POST", "/api/kiosk/checkin", Access.Kiosk),
        new("POST", "/api/kiosk/checkin/end-of-day", Access.Kiosk),
        new("GET", "/api/kiosk/walkins/hours", Access.Kiosk),
        new("POST", "/api/kiosk/walkins", Access.Kiosk),
        new("GET", "/api/walkins/{code}", Access.TokenHolder),
        new("GET", "/t/{code}/qr.png", Access.TokenHolder),
        new("GET", "/api/queue/snapshot", Access.Public),
        new("GET", "/api/desks", Access.Public),

        // Clerk actions (R4, R9, R13)
        new("GET", "/api/desks/{deskId:int}/day", Access.Staff),
        new("POST", "/api/desks/{deskId:int}/call-next", Access.Staff),
        new("POST", "/api/desks/{deskId:int}/complete", Access.Staff),
        new("POST", "/api/desks/{deskId:int}/no-show", Access.Staff),
        new("POST", "/api/desks/{deskId:int}/interrupt", Access.Staff),
        new("POST", "/api/desks/{deskId:int}/recall", Access.Staff),
        new("POST", "/api/desks/{deskId:int}/defer", Access.Staff),
        new("GET", "/api/desks/{deskId:int}/current/documents", Access.Staff),
        new("PUT", "/api/desks/{deskId:int}/current/documents/{index:int}", Access.Staff),
        new("POST", "/api/bookings/{code}/void", Access.Staff),
        new("GET", "/api/staff/bookings/{code}/documents", Access.Staff),
        new("GET", "/api/staff/bookings/{code}/documents/{id:guid}", Access.Staff),
        new("POST", "/api/staff/bookings/{code}/documents", Access.Staff),
        new("GET", "/api/agent/bookings", Access.Agent),
        new("POST", "/api/agent/bookings", Access.Agent),
        new("GET", "/api/admin/agents", Access.Admin),
        new("POST", "/api/admin/agents", Access.Admin),
        new("PUT", "/api/admin/agents/{id}/quota", Access.Admin),
        new("POST", "/api/admin/agents/{id}/disable", Access.Admin),
        new("POST", "/api/admin/agents/{id}/enable", Access.Admin),
        // Staff accounts run by the admins; forgot password and the mail's link are for the signed-out
        new("GET", "/api/admin/staff", Access.Admin),
        new("POST", "/api/admin/staff", Access.Admin),
        new("PUT", "/api/admin/staff/{id}", Access.Admin),
        new("POST", "/api/admin/staff/{id}/disable", Access.Admin),
        new("POST", "/api/admin/staff/{id}/enable", Access.Admin),
        new("POST", "/api/admin/staff/{id}/two-factor/reset", Access.Admin),
        // Lobby devices: a machine asks for a pairing code and polls with its pairing cookie; the admins approve and revoke
        new("POST", "/api/devices/pairing", Access.Public),
        new("GET", "/api/devices/pairing", Access.Public),
        new("GET", "/api/admin/devices", Access.Admin),
        new("POST", "/api/admin/devices", Access.Admin),
        new("PUT", "/api/admin/devices/{id:int}", Access.Admin),
        new("POST", "/api/admin/devices/{id:int}/revoke", Access.Admin),
        new("POST", "/api/account/forgot", Access.Public),
        new("POST", "/api/account/reset-password", Access.Public),

        // The hub's transport; each hub method has its own line in HubMethods
        new("*", "/hubs/queue/negotiate", Access.Public),
        new("*", "/hubs/queue", Access.Public),

        // Razor pages (Web, Kiosk, Display)
        new("*", "/", Access.Public),
        new("*", "/not-found", Access.Public),
        new("*", "/privacy", Access.Public),
        new("*", "/account/login", Access.Public),
        new("*", "/account/logout", Access.Public),
        new("*", "/account/denied", Access.Public),
        new("*", "/account/forgot", Access.Public),
        new("*", "/account/set-password", Access.Public),
        new("*", "/account", Access.Account),
        new("*", "/account/password", Access.Account),
        new("*", "/account/two-factor", Access.Account),
        new("*", "/account/login/two-factor", Access.Public),
        new("*", "/book/{serviceId:int}", Access.Public),
        new("*", "/book/{serviceId:int}/{date}", Access.Public),
        new("*", "/book/{serviceId:int}/details", Access.Public),
        new("*", "/book/sent/{code}", Access.TokenHolder),
        new("*", "/b/find", Access.Public),
        new("*", "/b/{code}", Access.TokenHolder),
        new("*", "/b/{code}/confirm", Access.TokenHolder),
        new("*", "/b/{code}/cancel", Access.TokenHolder),
        new("*", "/b/{code}/reschedule", Access.TokenHolder),
        // R2: the reminder's two links need its own token (the matrix's token holder has the manage token: 404 there too)
        new("*", "/b/{code}/coming", Access.TokenHolder),
        new("*", "/b/{code}/release", Access.TokenHolder),
        new("*", "/kiosk", Access.Public),
        new("*", "/display", Access.Public),
        new("*", "/devices/pair", Access.Public),
        // The ticket page is a shell with no data of its own: it shows what /api/walkins/{code} answers, which needs the code.
        new("*", "/t/{code}", Access.Public),
        new("*", "/clerk", Access.Staff),
        new("*", "/agent", Access.Agent),
        new("*", "/admin/agents", Access.Admin),
        new("*", "/admin/staff", Access.Admin),
        new("*", "/admin/devices", Access.Admin),
        new("*", "/admin", Access.Admin),
        new("*", "/admin/calendar", Access.Admin),
        new("*", "/admin/desks", Access.Admin),
        new("*", "/admin/services", Access.Admin),
        new("*", "/admin/services/{id}", Access.Admin),
        new("*", "/admin/settings", Access.Admin),
        new("*", "/admin/audit", Access.Admin),
        new("*", "/admin/statistics", Access.Admin),
        new("*", "/admin/offices", Access.Directorate),
        new("GET", "/api/admin/offices", Access.Admin),
        new("GET", "/api/admin/catalogue", Access.Admin),
        new("POST", "/api/admin/offices", Access.Directorate),
        new("GET", "/api/admin/audit", Access.Admin),
        new("DELETE", "/api/admin/special-days/{date}", Access.Admin),
        new("GET", "/api/admin/desks", Access.Admin),
        new("GET", "/api/admin/groups", Access.Admin),
        new("GET", "/api/admin/hours", Access.Admin),
        new("GET", "/api/admin/services", Access.Admin),
        new("GET", "/api/admin/service-times", Access.Admin),
        new("GET", "/api/admin/settings", Access.Admin),
        new("GET", "/api/admin/statistics", Access.Admin),
        new("GET", "/api/admin/statistics.csv", Access.Admin),
        new("GET", "/api/admin/special-days", Access.Admin),
        new("POST", "/api/admin/groups", Access.Admin),
        new("POST", "/api/admin/services", Access.Admin),
        new("POST", "/api/admin/desks", Access.Admin),
        new("PUT", "/api/admin/desks/{id:int}", Access.Admin),
        new("PUT", "/api/admin/groups/{id:int}", Access.Admin),
        new("PUT", "/api/admin/hours", Access.Admin),
        new("GET", "/api/admin/hours/changes", Access.Admin),
        new("DELETE", "/api/admin/hours/changes/{date}", Access.Admin),
        new("PUT", "/api/admin/services/{id:int}", Access.Admin),
        new("PUT", "/api/admin/settings", Access.Admin),
        new("PUT", "/api/admin/special-days/{date}", Access.Admin),
    ];

    /// <summary>Paths served by middleware rather than endpoints: not in the endpoint list, so probed from here.</summary>
    public static readonly Rule[] Middleware =
    [
        new("GET", "/hangfire", Access.Admin),
    ];

    /// <summary>QueueHub's public methods (IQueueHub: it only reads; clerks act through the desk API); a new one fails <see cref="HubMatrixTests"/>.</summary>
    public static readonly (string Method, Access Access)[] HubMethods =
    [
        (nameof(IQueueHub.JoinOffice), Access.Public),
        (nameof(IQueueHub.GetSnapshot), Access.Public),
        (nameof(IQueueHub.GetSnapshotAtLeast), Access.Public),
    ];
}
