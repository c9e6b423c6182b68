namespace Rantevou.Contracts.Admin;

// The office's kiosks and displays, registered by pairing code under /api/admin/devices.

public static class DeviceStatus
{
    /// <summary>Paired and in use.</summary>
    public const string Active = "Active";

    /// <summary>Approved; the machine has not collected its secret yet (it does at its next poll).</summary>
    public const string Waiting = "Waiting";

    /// <summary>Refused from its next request on; a new pairing makes a new device.</summary>
    public const string Revoked = "Revoked";
}

/// <param name="Kind">"Kiosk" or "Display".</param>
/// <param name="Status">One of <see cref="DeviceStatus"/>.</param>
public sealed record DeviceDto(int Id, int OfficeId, string Kind, string Name, string Status, DateTime CreatedUtc, DateTime? LastSeenUtc, DateTime? RevokedUtc);

/// <param name="Code">The code on the machine's screen ("K7P-4QX"; case, blanks and the dash do not matter).</param>
/// <param name="OfficeId">Only the directorate's administrator chooses; an office's administrator pairs for their own office.</param>
public sealed record ApproveDeviceRequest(string? Code, string? Name, int? OfficeId);

public sealed record RenameDeviceRequest(string? Name);

/// <param name="Kind">"Kiosk" or "Display": the page asking.</param>
public sealed record StartPairingRequest(string? Kind);

/// <param name="Status">"Pending" (show <paramref name="Code"/> until <paramref name="ExpiresAt"/>) or "Paired" (the cookie is set: reload).</param>
public sealed record PairingState(string Status, string? Code, DateTimeOffset? ExpiresAt);
