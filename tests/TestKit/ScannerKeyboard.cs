namespace Rantevou.TestKit;

/// <summary>The keyboard layout active on the kiosk PC when a USB scanner types into it.</summary>
public enum KeyboardLayout
{
    /// <summary>US English: what the scanner assumes.</summary>
    Us,

    /// <summary>
    /// Windows "Greek" (KBDHE): Q types ; and :, W types ς, and Shift+W is the dead key ΅ (with ι it makes ΐ, with υ ΰ,
    /// before anything else it is typed as it is).
    /// </summary>
    Greek,

    /// <summary>Windows "Greek (220)" (KBDHE220): Q types ; (U+037E) and :, W types ς and ~; the minus key types ' and ?.</summary>
    Greek220,

    /// <summary>X11 "gr": Q types ; and :, W types ς and Σ, and W follows CapsLock like a letter.</summary>
    GreekX11,
}

/// <summary>
/// R3: a USB barcode scanner is a keyboard that presses the keys a US keyboard needs for the text, with Shift for capitals;
/// what arrives is what those keys type in the PC's active layout, CapsLock included. The tests type QR texts this way.
/// </summary>
public static class ScannerKeyboard
{
    const string Keys = "abcdefghijklmnoprstuvxyz";
    const string GreekKeys = "αβψδεφγηιξκλμνοπρστθωχυζ";

    public static string Type(string text, KeyboardLayout layout, bool capsLock = false)
    {
        var typed = string.Concat(text.Select(c => Key(c, layout, capsLock)));
        return layout == KeyboardLayout.Greek ? typed.Replace("\u0385ι", "ΐ", StringComparison.Ordinal).Replace("\u0385υ", "ΰ", StringComparison.Ordinal) : typed;
    }

    static char Key(char c, KeyboardLayout layout, bool capsLock)
    {
        if (!char.IsAsciiLetter(c))
        {
            return (layout, c) switch
            {
                (KeyboardLayout.Greek220, '-') => '\'',
                (KeyboardLayout.Greek220, '_') => '?',
                _ => c,
            };
        }
        var shift = char.IsAsciiLetterUpper(c);
        var key = char.ToLowerInvariant(c);
        // Letter keys follow CapsLock; on Windows the Greek Q and W keys (punctuation on one level) do not.
        var upper = shift ^ capsLock;
        if (layout == KeyboardLayout.Us)
            return upper ? char.ToUpperInvariant(key) : key;
        return (key, layout) switch
        {
            ('q', KeyboardLayout.Greek220) => shift ? ':' : '\u037E',
            ('q', _) => shift ? ':' : ';',
            ('w', KeyboardLayout.Greek) => shift ? '\u0385' : 'ς',
            ('w', KeyboardLayout.Greek220) => shift ? '~' : 'ς',
            ('w', _) => upper ? 'Σ' : 'ς',
            _ => upper ? char.ToUpperInvariant(GreekKeys[Keys.IndexOf(key)]) : GreekKeys[Keys.IndexOf(key)],
        };
    }
}
