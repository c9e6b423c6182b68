using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Devices;

/// <summary>
/// What the kiosk and display pages ask before they render: the device this browser is, renewing its cookie, or — on a
/// development machine (<see cref="DeviceOptions.AutoPair"/>) — a device paired on the spot with the office.
/// </summary>
public sealed class DevicePages(DeviceRegistry registry, RantevouDbContext db, IOptions<DeviceOptions> options, IHostEnvironment environment)
{
    public bool AutoPair => options.Value.AutoPair ?? environment.IsDevelopment();

    public async Task<DeviceIdentity?> IdentifyAsync(HttpContext http, DeviceKind kind, CancellationToken ct)
    {
        var secret = DeviceCookies.Read(http);
        var device = await registry.AuthenticateAsync(secret, ct);
        if (device?.Kind == kind)
        {
            // Each visit pushes the expiry on: a device in daily use is never asked to pair again.
            DeviceCookies.Write(http, DeviceCookies.Device, secret!, registry.CredentialLifetime);
            return device;
        }
        // One browser holds one device cookie. A development browser that is the kiosk and opens the display too stays
        // the kiosk: the display needs no pairing to work.
        if (!AutoPair || (device is not null && kind == DeviceKind.Display))
            return null;
        var office = await OfficeDirectory.ResolveAsync(db, http.Request.Query["office"].ToString() is { Length: > 0 } slug ? slug : null, ct)
            ?? await db.Offices.AsNoTracking().OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        if (office is null)
            return null;
        var (paired, newSecret) = await registry.RegisterAsync(office.Id, kind, kind == DeviceKind.Kiosk ? "Demo kiosk" : "Demo display", null, ct);
        DeviceCookies.Write(http, DeviceCookies.Device, newSecret, registry.CredentialLifetime);
        return paired;
    }
}
