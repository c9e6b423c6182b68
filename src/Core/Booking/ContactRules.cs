using System.Text.RegularExpressions;
using MimeKit;

namespace Rantevou.Core.Booking;

/// <summary>R9: details checked at booking, so a booking is not void for a typo we could have caught.</summary>
public static partial class ContactRules
{
    /// <summary>Greek mobile (catalogue formats): strip separators, drop +30/0030, then 69xxxxxxxx, 68[5789]xxxxxxx or 94xxxxxxxx. Returns +30… or null.</summary>
    public static string? NormalizeMobile(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
            return null;
        var digits = Separators().Replace(input.Trim(), "");
        if (digits.StartsWith("+30", StringComparison.Ordinal))
            digits = digits[3..];
        else if (digits.StartsWith("0030", StringComparison.Ordinal))
            digits = digits[4..];
        return GreekMobile().IsMatch(digits) ? "+30" + digits : null;
    }

    public static string? NormalizeEmail(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 254)
            return null;
        var s = input.Trim();
        if (!SimpleEmail().IsMatch(s) || !MailboxAddress.TryParse(s, out var address) || address.Address != s)
            return null;
        return s;
    }

    /// <summary>A full name: 3–200 characters, letters (Greek or Latin), spaces, dots, apostrophes and hyphens, at least two letters.</summary>
    public static string? NormalizeFullName(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return null;
        var s = Spaces().Replace(input.Trim(), " ");
        return s.Length is >= 3 and <= 200 && FullName().IsMatch(s) && s.Count(char.IsLetter) >= 2 ? s : null;
    }

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex Separators();

    // [0-9], not \d: in .NET \d also matches Arabic-Indic, full-width and other Unicode digits.
    [GeneratedRegex(@"^(?:69[0-9]{8}|68[5789][0-9]{7}|94[0-9]{8})$")]
    private static partial Regex GreekMobile();

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[^@\s<>()\[\],;:""]+\.[^@\s<>()\[\],;:""]{2,}$")]
    private static partial Regex SimpleEmail();

    [GeneratedRegex(@"^[\p{L}][\p{L}\p{M} .'’\-]*$")]
    private static partial Regex FullName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
