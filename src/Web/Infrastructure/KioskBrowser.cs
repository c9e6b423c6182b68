using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Devices;

namespace Rantevou.Web.Infrastructure;

/// <summary>
/// The public pages opened in the lobby kiosk's browser (R5: a late visitor books again there) are shared by one visitor
/// after another: the layout then adds the kiosk's guard (<c>kiosk-mode.js</c>), which takes the page back to the kiosk
/// after a minute without use, so the next visitor never finds the last one's name, email or booking.
/// </summary>
public static class KioskBrowser
{
    /// <summary>Whether this browser is a paired kiosk: only a browser holding a device cookie is looked up.</summary>
    public static async Task<bool> IsKioskAsync(HttpContext http)
    {
        if (DeviceCookies.Read(http) is not { } secret)
            return false;
        var device = await http.RequestServices.GetRequiredService<DeviceRegistry>().AuthenticateAsync(secret, http.RequestAborted);
        return device?.Kind == DeviceKind.Kiosk;
    }
}
