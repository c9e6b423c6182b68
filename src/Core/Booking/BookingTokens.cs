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
    const int QrSignatureLength = 16;

    public string Manage(Guid bookingId) => Sign("manage|" + bookingId.ToString("N"), 22);
    public string Confirm(Guid bookingId) => Sign("confirm|" + bookingId.ToString("N"), 22);

    /// <summary>The reminder's links ("I will come", "release my time"): only the reminder mail carries it.</summary>
    public string Reminder(Guid bookingId) => Sign("reminder|" + bookingId.ToString("N"), 22);

    public bool IsManage(Guid bookingId, string? token) => Same(Manage(bookingId), token);
    public bool IsReminder(Guid bookingId, string? token) => Same(Reminder(bookingId), token);
    public bool IsConfirm(Guid bookingId, string? token) => Same(Confirm(bookingId), token);

    /// <summary>The text inside the booking's QR code: prefix, code and a signature so a typed code cannot be forged.</summary>
    public string QrText(string code) => $"{QrPrefix}.{code}.{Sign("qr|" + code, QrSignatureLength)}";

    /// <summary>
    /// The booking code in a QR text, or null when the text is not one we signed. R3: the text is read however a USB scanner
    /// typed it (<see cref="ScannedText"/>: a Greek keyboard layout, CapsLock, line ends), but only as keystrokes of the
    /// exact text we signed — no look-alike leniency, which would only make it malleable. Each position may stand for at
    /// most two characters, so a forged signature still has at most a 2^-80 chance instead of 2^-96.
    /// </summary>
    public string? ReadQr(string? text)
    {
        foreach (var reading in ScannedText.Read(text))
        {
            if (reading.Split('.') is not [var prefix, var code, var signature] || !prefix.CouldBe(QrPrefix)
                || code.Length != BookingCode.Length || signature.Length != QrSignatureLength)
                continue;
            // Codes are capitals and digits; Σ may still be S or W (X11), so each spelling is checked: at most 2^8.
            foreach (var candidate in code.Spellings(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c), 256))
                if (BookingCode.Normalize(candidate) == candidate && signature.CouldBe(Sign("qr|" + candidate, QrSignatureLength)))
                    return candidate;
        }
        return null;
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
