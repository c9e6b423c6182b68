using System.Globalization;
using System.Text;

namespace Rantevou.Core.Booking;

/// <summary>
/// R3: the text a USB barcode scanner typed, read back to what it meant. A scanner is a keyboard pressing the keys a US
/// layout needs (Shift for capitals), so the text arrives through the kiosk PC's layout: with a Greek layout letters come
/// out Greek (a→α … u→θ, v→ω), Q as ; (or U+037E) and :, W as ς and, shifted, ΅ (Windows "Greek", a dead key that joins
/// ΅ι→ΐ and ΅υ→ΰ), ~ (Windows "Greek (220)", whose minus key also types ' and ?) or Σ (X11 "gr"); CapsLock inverts the case
/// of letters; scanners add CR, LF, Tab or spaces. A reading keeps, for each position, the one or two characters the
/// scanner may have typed there, so a signed text is checked against it directly (see <see cref="CouldBe"/>): nothing is
/// accepted that no key sequence for that text could have produced.
/// </summary>
public sealed class ScannedText
{
    public const int MaxLength = 256;

    const string Latin = "abcdefghijklmnoprstuvxyz";
    const string Greek = "αβψδεφγηιξκλμνοπρστθωχυζ";

    readonly string[] options;

    ScannedText(string[] options) => this.options = options;

    public int Length => options.Length;

    /// <summary>The readings of <paramref name="scanned"/>: as typed, then with CapsLock on (when that reads differently).</summary>
    public static IReadOnlyList<ScannedText> Read(string? scanned)
    {
        var keys = Keystrokes(scanned);
        if (keys.Length is 0 or > MaxLength)
            return [];
        var plain = new ScannedText([.. keys.Select(c => Meant(c, capsLock: false))]);
        var caps = new ScannedText([.. keys.Select(c => Meant(c, capsLock: true))]);
        return plain.options.SequenceEqual(caps.options) ? [plain] : [plain, caps];
    }

    /// <summary>Whether the scanner may have meant exactly <paramref name="text"/>; compares every position (no early exit).</summary>
    public bool CouldBe(string text)
    {
        if (text.Length != options.Length)
            return false;
        var ok = true;
        for (var i = 0; i < options.Length; i++)
            ok &= options[i].Contains(text[i], StringComparison.Ordinal);
        return ok;
    }

    /// <summary>The pieces between the positions that can only be <paramref name="separator"/> (a dot is a dot in every layout).</summary>
    public IReadOnlyList<ScannedText> Split(char separator)
    {
        var parts = new List<ScannedText>();
        var start = 0;
        for (var i = 0; i <= options.Length; i++)
        {
            if (i < options.Length && options[i] != separator.ToString())
                continue;
            parts.Add(new ScannedText(options[start..i]));
            start = i + 1;
        }
        return parts;
    }

    /// <summary>Every text the scanner may have meant whose characters all pass <paramref name="allowed"/>, at most <paramref name="limit"/>.</summary>
    public IEnumerable<string> Spellings(Func<char, bool> allowed, int limit)
    {
        var choices = options.Select(o => o.Where(allowed).ToArray()).ToArray();
        if (choices.Any(c => c.Length == 0))
            yield break;
        var index = new int[choices.Length];
        for (var n = 0; n < limit; n++)
        {
            yield return new string([.. choices.Select((c, i) => c[index[i]])]);
            var k = choices.Length - 1;
            while (k >= 0 && ++index[k] == choices[k].Length)
                index[k--] = 0;
            if (k < 0)
                yield break;
        }
    }

    /// <summary>The characters typed, one per key: blanks, line ends and invisible characters dropped, ΐ and ΰ split back into their two keys.</summary>
    static string Keystrokes(string? scanned)
    {
        if (string.IsNullOrEmpty(scanned) || scanned.Length > 4 * MaxLength)
            return "";
        var keys = new StringBuilder(scanned.Length);
        foreach (var c in scanned.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
                continue;
            _ = c switch
            {
                'ΐ' => keys.Append('\u0385').Append('ι'),
                'ΰ' => keys.Append('\u0385').Append('υ'),
                _ => keys.Append(c),
            };
        }
        return keys.ToString();
    }

    /// <summary>
    /// What the key that typed <paramref name="c"/> meant. Letter keys follow CapsLock; Q never does, W does on X11 only, so
    /// with CapsLock ς may be w or W. Σ is Shift+S, or Shift+W on X11 (with CapsLock: S or W unshifted).
    /// </summary>
    static string Meant(char c, bool capsLock)
    {
        switch (c)
        {
            case ';' or '\u037E':
                return "q";
            case ':':
                return "Q";
            case 'ς':
                return capsLock ? "wW" : "w";
            case '\u0385' or '~':
                return "W";
            case 'Σ':
                return capsLock ? "sw" : "SW";
            case '\'':
                return "-";
            case '?':
                return "_";
        }
        if (char.IsAsciiLetter(c))
            return (capsLock ? Invert(c) : c).ToString();
        // Only the letters a Greek layout types: ϴ (the theta symbol) lower-cases to θ, yet no key types it.
        var lower = char.ToLowerInvariant(c);
        var greek = lower == c || char.ToUpperInvariant(lower) == c ? Greek.IndexOf(lower, StringComparison.Ordinal) : -1;
        if (greek < 0)
            return c.ToString();
        var latin = char.IsUpper(c) ? char.ToUpperInvariant(Latin[greek]) : Latin[greek];
        return (capsLock ? Invert(latin) : latin).ToString();
    }

    static char Invert(char c) => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
}
