using Rantevou.Core.Devices;
using Rantevou.Core.Localization;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Devices;

/// <summary>
/// R6, R3: only a registered kiosk issues walk-in tickets and checks people in, so one anonymous client cannot take
/// the day's tickets. No credential (or a revoked one) is 401; a display's credential is 403 — it is known, but not a kiosk.
/// </summary>
public static class KioskDevice
{
    public static TBuilder RequireKiosk<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var registry = http.RequestServices.GetRequiredService<DeviceRegistry>();
            var device = await registry.AuthenticateAsync(DeviceCookies.Read(http), http.RequestAborted);
            if (device is null)
                return Problems.Status(StatusCodes.Status401Unauthorized, MessageKeys.DeviceRequired);
            if (device.Kind != DeviceKind.Kiosk)
                return Problems.Status(StatusCodes.Status403Forbidden, MessageKeys.DeviceNotKiosk);
            http.Features.Set(device);
            return await next(context);
        });

    /// <summary>The kiosk the filter admitted.</summary>
    public static DeviceIdentity Kiosk(this HttpContext http) => http.Features.Get<DeviceIdentity>()
        ?? throw new InvalidOperationException("Kiosk() is read only behind RequireKiosk()");
}
