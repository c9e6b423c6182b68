using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Accounts;
using Rantevou.Core.Devices;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Audit;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Devices;

/// <summary>
/// Pairing a lobby machine (ADR 0015). The machine asks for a code and polls with the pairing cookie; an administrator
/// of the office approves the code under <c>/api/admin/devices</c>; the next poll sets the device's own cookie.
/// Another office's device answers 404 to an office's administrator; the directorate's administrator runs every office.
/// </summary>
public static class DevicesApi
{
    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder app)
    {
        // Anyone may ask for a code (a kiosk has nobody signed in). A machine needs one per ten minutes, so new codes
        // are held to the sign-in rate per address (each is a row); its polls every two seconds to the kiosk's rate.
        var pairing = app.MapGroup("/api/devices/pairing").WithTags("Devices").RequireRateLimiting(RateLimits.Kiosk);
        pairing.MapPost("/", StartAsync).WithName("StartPairing").RequireRateLimiting(RateLimits.Login);
        pairing.MapGet("/", PollAsync).WithName("PollPairing");

        var admin = app.MapGroup("/api/admin/devices").WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapGet("/", (ClaimsPrincipal user, DeviceRegistry devices, CancellationToken ct) => ListAsync(user, devices, ct)).WithName("Devices");
        admin.MapPost("/", ApproveAsync).WithName("ApproveDevice").Audited("admin.device.approve");
        admin.MapPut("/{id:int}", RenameAsync).WithName("RenameDevice").Audited("admin.device.rename", targetFrom: "id");
        admin.MapPost("/{id:int}/revoke", RevokeAsync).WithName("RevokeDevice").Audited("admin.device.revoke", targetFrom: "id");
        return app;
    }

    static async Task<Results<Created<PairingState>, ProblemHttpResult>> StartAsync(StartPairingRequest request, HttpContext http,
        DeviceRegistry devices, TimeProvider clock, CancellationToken ct)
    {
        if (!Enum.TryParse<DeviceKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["kind"] = [MessageKeys.DeviceKindInvalid] }));
        var started = await devices.StartPairingAsync(kind, ct);
        var expires = new DateTimeOffset(started.ExpiresUtc, TimeSpan.Zero);
        DeviceCookies.Write(http, DeviceCookies.Pairing, started.Secret, expires - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        return TypedResults.Created("/api/devices/pairing", new PairingState("Pending", DeviceSecrets.Display(started.Code), expires));
    }

    /// <summary>Pending: the code again. Paired: the device's cookie is set now, once. Unknown or expired: 404, and the page asks for a new code.</summary>
    static async Task<Results<Ok<PairingState>, ProblemHttpResult>> PollAsync(HttpContext http, DeviceRegistry devices, CancellationToken ct)
    {
        var poll = await devices.PollAsync(DeviceCookies.Read(http, DeviceCookies.Pairing), ct);
        if (poll.DeviceSecret is { } secret)
        {
            DeviceCookies.Delete(http, DeviceCookies.Pairing);
            DeviceCookies.Write(http, DeviceCookies.Device, secret, devices.CredentialLifetime);
            return TypedResults.Ok(new PairingState("Paired", null, null));
        }
        if (poll is { Code: { } code, ExpiresUtc: { } expires })
            return TypedResults.Ok(new PairingState("Pending", DeviceSecrets.Display(code), new DateTimeOffset(expires, TimeSpan.Zero)));
        return Problems.From(Problem.NotFound(MessageKeys.PairingUnknown));
    }

    static async Task<Ok<List<DeviceDto>>> ListAsync(ClaimsPrincipal user, DeviceRegistry devices, CancellationToken ct) =>
        TypedResults.Ok(await devices.ListAsync(user.OfficeOf(), ct));

    static async Task<Results<Created<DeviceDto>, ProblemHttpResult>> ApproveAsync(ApproveDeviceRequest request, ClaimsPrincipal user,
        DeviceRegistry devices, CancellationToken ct)
    {
        // An office's administrator pairs for their own office only: naming another is refused, not silently changed.
        if (user.OfficeOf() is { } own && request.OfficeId is { } asked && asked != own)
            return Problems.Status(StatusCodes.Status403Forbidden, MessageKeys.OtherOffice);
        var outcome = await devices.ApproveAsync(user.OfficeOf(), request, user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return outcome.Ok
            ? TypedResults.Created($"/api/admin/devices/{outcome.Value.Id}", outcome.Value)
            : Problems.From(outcome.Problem);
    }

    static async Task<Results<Ok<DeviceDto>, ProblemHttpResult>> RenameAsync(int id, RenameDeviceRequest request, ClaimsPrincipal user,
        DeviceRegistry devices, CancellationToken ct)
    {
        var outcome = await devices.RenameAsync(user.OfficeOf(), id, request.Name, ct);
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome.Problem);
    }

    static async Task<Results<Ok<DeviceDto>, ProblemHttpResult>> RevokeAsync(int id, ClaimsPrincipal user, DeviceRegistry devices, CancellationToken ct)
    {
        var outcome = await devices.RevokeAsync(user.OfficeOf(), id, ct);
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome.Problem);
    }
}
