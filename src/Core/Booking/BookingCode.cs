using System.Security.Cryptography;

namespace Rantevou.Core.Booking;

/// <summary>Public booking codes: 8 random Crockford base-32 characters (40 bits), no look-alikes.</summary>
public static class BookingCode
{
    const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 8;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    /// <summary>Accepts what people type: lower case, spaces and dashes, O for 0, I/L for 1.</summary>
    public static string? Normalize(string? input) => NormalizePart(input) is { Length: Length } code ? code : null;

    /// <summary>Part of a code as typed (a search for "t586"), read as <see cref="Normalize"/> reads a whole one; null if it cannot be part of any.</summary>
    public static string? NormalizePart(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return null;
        var s = new string(input.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant)
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray());
        return s.Length is > 0 and <= Length && s.All(Alphabet.Contains) ? s : null;
    }

    /// <summary>How the code is shown to people: two groups of four.</summary>
    public static string Display(string code) => code.Length == Length ? $"{code[..4]}-{code[4..]}" : code;
}
