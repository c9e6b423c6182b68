using System.Security.Cryptography;
using System.Text;

namespace Rantevou.Core.Booking;

/// <summary>
/// Capabilities derived from a server secret: the manage token (booking page), the confirmation
/// token (travels only by email, proving the address, R7) and the signed QR text the kiosk accepts.
/// Derived, not stored, so any later email can carry the links again and nothing leaks from the table.
/// </summary>
public sealed class BookingTokens(byte[] key)
{
    public const string QrPrefix = "RVU1";

    public string Manage(Guid bookingId) => Sign("manage|" + bookingId.ToString("N"), 22);
    public string Confirm(Guid bookingId) => Sign("confirm|" + bookingId.ToString("N"), 22);

    public bool IsManage(Guid bookingId, string? token) => Same(Manage(bookingId), token);
    public bool IsConfirm(Guid bookingId, string? token) => Same(Confirm(bookingId), token);

    /// <summary>The text inside the booking's QR code: prefix, code and a signature so a typed code cannot be forged.</summary>
    public string QrText(string code) => $"{QrPrefix}.{code}.{Sign("qr|" + code, 16)}";

    /// <summary>The booking code in a QR text, or null when the text is not one we signed.</summary>
    public string? ReadQr(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parts = text.Trim().Split('.');
        if (parts.Length != 3 || parts[0] != QrPrefix)
            return null;
        // Only the exact text we signed: a QR is machine-read, so look-alike leniency would only make it malleable.
        var code = parts[1];
        return BookingCode.Normalize(code) == code && Same(Sign("qr|" + code, 16), parts[2]) ? code : null;
    }

    string Sign(string what, int length)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(what));
        return Convert.ToBase64String(mac).Replace('+', '-').Replace('/', '_').TrimEnd('=')[..length];
    }

    static bool Same(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
}
