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

    /// <summary>The mailbox providers that deliver to the same inbox whatever dots the local part has.</summary>
    static readonly HashSet<string> DotBlind = ["gmail.com", "googlemail.com"];

    /// <summary>
    /// R12: who a booking's email belongs to, so the same inbox typed differently does not make a new person. One rule:
    /// lower case; a plus tag (<c>name+anything@</c>, which the common providers deliver to <c>name@</c>) is dropped;
    /// for Gmail (<see cref="DotBlind"/>) dots in the local part are dropped and googlemail.com is gmail.com. Applied
    /// to the per-person limits and the no-show record; the migration PersonKey fills it for bookings made before.
    /// </summary>
    public static string PersonKey(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
            return email.ToLowerInvariant();
        var local = email[..at].ToLowerInvariant();
        var domain = email[(at + 1)..].ToLowerInvariant();
        if (local.IndexOf('+', StringComparison.Ordinal) is > 0 and var plus)
            local = local[..plus];
        if (DotBlind.Contains(domain))
            (local, domain) = (local.Replace(".", "", StringComparison.Ordinal), "gmail.com");
        return local + "@" + domain;
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
