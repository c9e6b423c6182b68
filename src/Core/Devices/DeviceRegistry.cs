using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;

namespace Rantevou.Core.Devices;

/// <summary>A device as a request proves it: which office it stands in and what it may do there.</summary>
public sealed record DeviceIdentity(int Id, int OfficeId, DeviceKind Kind, string Name);

/// <summary>A pairing code just shown, with the secret the machine polls with.</summary>
public sealed record StartedPairing(string Code, string Secret, DateTime ExpiresUtc);

/// <summary>What a machine's poll learns: still waiting (with its code), unknown or expired, or paired (with the device's secret).</summary>
public sealed record PairingPoll(string? Code, DateTime? ExpiresUtc, string? DeviceSecret)
{
    public static readonly PairingPoll Unknown = new(null, null, null);
}

/// <summary>
/// The office's registered kiosks and displays. A machine shows a pairing code; an administrator of the office enters
/// it with a name; the machine's next poll collects a new random secret whose hash is all the database keeps.
/// <c>adminOffice</c> is the administrator's office as in <see cref="Accounts.StaffAccounts"/>: another office's
/// device is not found; null is the directorate's administrator.
/// </summary>
public sealed class DeviceRegistry(RantevouDbContext db, TimeProvider clock, IOptions<DeviceOptions> options)
{
    /// <summary>The last-seen time is written at most this often, so a busy kiosk does not write on every scan.</summary>
    static readonly TimeSpan SeenEvery = TimeSpan.FromMinutes(1);

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public TimeSpan CredentialLifetime => TimeSpan.FromDays(options.Value.CredentialDays);

    public async Task<StartedPairing> StartPairingAsync(DeviceKind kind, CancellationToken ct)
    {
        var now = Now;
        // Codes nobody entered in time are dropped as new ones are asked for: no job needed, and the codes stay few.
        await db.DevicePairings.Where(p => p.ExpiresUtc < now).ExecuteDeleteAsync(ct);
        var expires = now.AddMinutes(options.Value.PairingMinutes);
        for (var attempt = 0; ; attempt++)
        {
            var secret = DeviceSecrets.NewSecret();
            var pairing = new DevicePairing { Code = DeviceSecrets.NewCode(), SecretHash = DeviceSecrets.Hash(secret), Kind = kind, CreatedUtc = now, ExpiresUtc = expires };
            db.DevicePairings.Add(pairing);
            try
            {
                await db.SaveChangesAsync(ct);
                return new StartedPairing(pairing.Code, secret, expires);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another pending pairing holds the same code (unique index): draw again.
                db.Entry(pairing).State = EntityState.Detached;
            }
        }
    }

    public async Task<PairingPoll> PollAsync(string? pairingSecret, CancellationToken ct)
    {
        if (pairingSecret is null)
            return PairingPoll.Unknown;
        var hash = DeviceSecrets.Hash(pairingSecret);
        var pairing = await db.DevicePairings.AsNoTracking().FirstOrDefaultAsync(p => p.SecretHash == hash, ct);
        if (pairing is null)
            return PairingPoll.Unknown;
        if (pairing.DeviceId is not { } deviceId)
            return pairing.ExpiresUtc > Now ? new PairingPoll(pairing.Code, pairing.ExpiresUtc, null) : PairingPoll.Unknown;
        // The secret is made now and given once: the conditional update lets only one of two racing polls have it.
        var secret = DeviceSecrets.NewSecret();
        var now = Now;
        var set = await db.Devices.Where(d => d.Id == deviceId && d.SecretHash == null && d.RevokedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.SecretHash, DeviceSecrets.Hash(secret)).SetProperty(d => d.LastSeenUtc, now), ct);
        await db.DevicePairings.Where(p => p.Id == pairing.Id).ExecuteDeleteAsync(ct);
        return set == 1 ? new PairingPoll(null, null, secret) : PairingPoll.Unknown;
    }

    public async Task<Outcome<DeviceDto>> ApproveAsync(int? adminOffice, ApproveDeviceRequest request, string? approver, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var code = DeviceSecrets.Normalize(request.Code);
        if (code is null)
            errors["code"] = [MessageKeys.PairingCodeInvalid];
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
            errors["name"] = [MessageKeys.DeviceNameRequired];
        var office = adminOffice ?? request.OfficeId;
        if (office is null)
            errors["officeId"] = [MessageKeys.Required];
        else if (!await db.Offices.AnyAsync(o => o.Id == office, ct))
            errors["officeId"] = [MessageKeys.OfficeUnknown];
        if (errors.Count > 0)
            return Problem.Invalid(errors);
        var now = Now;
        var pairing = await db.DevicePairings.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code && p.DeviceId == null && p.ExpiresUtc > now, ct);
        if (pairing is null)
            return Problem.NotFound(MessageKeys.PairingUnknown);
        var device = new Device { OfficeId = office!.Value, Kind = pairing.Kind, Name = name!, ApprovedBy = approver, CreatedUtc = now };
        db.Devices.Add(device);
        await db.SaveChangesAsync(ct);
        // Two administrators entering the same code at once: one device is made, the other answer is "not found".
        var taken = await db.DevicePairings.Where(p => p.Id == pairing.Id && p.DeviceId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.DeviceId, device.Id), ct);
        if (taken == 0)
        {
            await db.Devices.Where(d => d.Id == device.Id).ExecuteDeleteAsync(ct);
            return Problem.NotFound(MessageKeys.PairingUnknown);
        }
        return ToDto(device);
    }

    public async Task<List<DeviceDto>> ListAsync(int? adminOffice, CancellationToken ct) =>
        (await db.Devices.AsNoTracking().Where(d => adminOffice == null || d.OfficeId == adminOffice).ToListAsync(ct))
            .OrderBy(d => d.RevokedUtc is not null).ThenBy(d => d.Name, StringComparer.CurrentCulture).ThenBy(d => d.Id)
            .Select(ToDto).ToList();

    public async Task<Outcome<DeviceDto>> RenameAsync(int? adminOffice, int id, string? name, CancellationToken ct)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 100)
            return Problem.Invalid(new Dictionary<string, string[]> { ["name"] = [MessageKeys.DeviceNameRequired] });
        if (await FindAsync(adminOffice, id, ct) is not { } device)
            return Problem.NotFound(MessageKeys.DeviceUnknown);
        device.Name = trimmed;
        await db.SaveChangesAsync(ct);
        return ToDto(device);
    }

    /// <summary>Refused from its very next request: every request looks the device up, nothing is cached.</summary>
    public async Task<Outcome<DeviceDto>> RevokeAsync(int? adminOffice, int id, CancellationToken ct)
    {
        if (await FindAsync(adminOffice, id, ct) is not { } device)
            return Problem.NotFound(MessageKeys.DeviceUnknown);
        device.RevokedUtc ??= Now;
        await db.SaveChangesAsync(ct);
        return ToDto(device);
    }

    /// <summary>The unrevoked device whose secret the request carries, or null.</summary>
    public async Task<DeviceIdentity?> AuthenticateAsync(string? secret, CancellationToken ct)
    {
        if (secret is null)
            return null;
        var hash = DeviceSecrets.Hash(secret);
        var device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.SecretHash == hash && d.RevokedUtc == null, ct);
        if (device is null)
            return null;
        var now = Now;
        if (device.LastSeenUtc is not { } seen || now - seen >= SeenEvery)
            await db.Devices.Where(d => d.Id == device.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.LastSeenUtc, now), ct);
        return new DeviceIdentity(device.Id, device.OfficeId, device.Kind, device.Name);
    }

    /// <summary>
    /// A device registered without a code: a development machine pairing itself (<see cref="DeviceOptions.AutoPair"/>)
    /// and the tests' kiosks. Returns the device's secret.
    /// </summary>
    public async Task<(DeviceIdentity Device, string Secret)> RegisterAsync(int officeId, DeviceKind kind, string name, string? approver, CancellationToken ct)
    {
        var secret = DeviceSecrets.NewSecret();
        var now = Now;
        var device = new Device { OfficeId = officeId, Kind = kind, Name = name, SecretHash = DeviceSecrets.Hash(secret), ApprovedBy = approver, CreatedUtc = now, LastSeenUtc = now };
        db.Devices.Add(device);
        await db.SaveChangesAsync(ct);
        return (new DeviceIdentity(device.Id, device.OfficeId, device.Kind, device.Name), secret);
    }

    Task<Device?> FindAsync(int? adminOffice, int id, CancellationToken ct) =>
        db.Devices.FirstOrDefaultAsync(d => d.Id == id && (adminOffice == null || d.OfficeId == adminOffice), ct);

    static DeviceDto ToDto(Device d) => new(d.Id, d.OfficeId, d.Kind.ToString(), d.Name,
        d.RevokedUtc is not null ? DeviceStatus.Revoked : d.SecretHash is null ? DeviceStatus.Waiting : DeviceStatus.Active,
        d.CreatedUtc, d.LastSeenUtc, d.RevokedUtc);
}
