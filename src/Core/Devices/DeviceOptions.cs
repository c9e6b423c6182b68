using System.ComponentModel.DataAnnotations;

namespace Rantevou.Core.Devices;

/// <summary>Lobby devices (section Rantevou:Devices).</summary>
public sealed class DeviceOptions
{
    /// <summary>
    /// A kiosk or display page without a credential pairs itself with the office ("Demo kiosk") instead of showing a
    /// code. Unset means Development only: elsewhere anyone who opened /kiosk would get a kiosk.
    /// </summary>
    public bool? AutoPair { get; set; }

    /// <summary>How long a pairing code waits for an administrator.</summary>
    [Range(1, 60)]
    public int PairingMinutes { get; set; } = 10;

    /// <summary>How long the device's cookie lasts; every visit of the page renews it, so a device in use never expires.</summary>
    [Range(1, 400)]
    public int CredentialDays { get; set; } = 400;
}
