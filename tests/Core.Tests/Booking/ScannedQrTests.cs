using CsCheck;
using Rantevou.Core.Booking;
using Rantevou.TestKit;

namespace Rantevou.Core.Tests.Booking;

/// <summary>
/// R3: the kiosk reads the QR however a USB scanner types it — through a Greek keyboard layout, with CapsLock on, with
/// line ends, tabs and spaces — and still refuses any text whose signature is not ours.
/// </summary>
public class ScannedQrTests
{
    static readonly Gen<byte[]> Key = Gen.Byte.Array[32];
    static readonly Gen<KeyboardLayout> Layout = Gen.Enum<KeyboardLayout>();
    const string Base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    [Fact]
    public void ReadQr_AcceptsTheQr_TypedThroughAnyLayout_WithOrWithoutCapsLock() =>
        Gen.Select(Key, BookingCodeTests.Code, Layout, Gen.Bool).Sample((key, code, layout, caps) =>
        {
            var tokens = new BookingTokens(key);
            var typed = ScannerKeyboard.Type(tokens.QrText(code), layout, caps);
            Assert.Equal(code, tokens.ReadQr(typed));
        }, iter: 3000);

    [Theory]
    [InlineData(KeyboardLayout.Greek, false)]
    [InlineData(KeyboardLayout.Greek, true)]
    [InlineData(KeyboardLayout.Greek220, false)]
    [InlineData(KeyboardLayout.GreekX11, true)]
    [InlineData(KeyboardLayout.Us, true)]
    public void ReadQr_AcceptsAnExampleTypedThroughALayout(KeyboardLayout layout, bool caps)
    {
        var tokens = new BookingTokens(new byte[32]);
        // A code with Q, W and S, the keys the Greek layouts type as punctuation or alike.
        const string code = "QW5SZ9XC";
        var typed = ScannerKeyboard.Type(tokens.QrText(code), layout, caps);
        Assert.NotEqual(tokens.QrText(code), typed);
        if (layout != KeyboardLayout.Us)
            Assert.StartsWith(caps ? "ρωθ1." : "ΡΩΘ1.", typed);
        Assert.Equal(code, tokens.ReadQr(typed));
    }

    [Theory]
    [InlineData("Wi", "ΐ", false)]
    [InlineData("Wy", "ΰ", false)]
    [InlineData("WI", "ΐ", true)]
    public void ReadQr_AcceptsTheWindowsGreekDeadKey_ThatJoinsShiftWToTheNextLetter(string keys, string joined, bool caps)
    {
        // Windows "Greek": Shift+W is the dead key ΅, and ΅ then ι types the single letter ΐ (υ: ΰ).
        var tokens = new BookingTokens(new byte[32]);
        var code = Enumerable.Range(0, 100_000).Select(n => $"A{n:D7}").First(c => tokens.QrText(c).Split('.')[2].Contains(keys, StringComparison.Ordinal));
        var typed = ScannerKeyboard.Type(tokens.QrText(code), KeyboardLayout.Greek, caps);
        Assert.Contains(joined, typed, StringComparison.Ordinal);
        Assert.Equal(code, tokens.ReadQr(typed));
    }

    [Fact]
    public void ReadQr_IgnoresLineEndsTabsAndSpaces_Anywhere() =>
        Gen.Select(Key, BookingCodeTests.Code, Gen.Int[0, 40].Array[0, 4], Gen.OneOfConst(" ", "\r", "\n", "\r\n", "\t", "\u00A0", "\u200B"))
            .Sample((key, code, at, blank) =>
            {
                var tokens = new BookingTokens(key);
                var text = tokens.QrText(code);
                foreach (var i in at.OrderByDescending(i => i))
                    text = text.Insert(Math.Min(i, text.Length), blank);
                Assert.Equal(code, tokens.ReadQr("\r\n\t " + text + "\r\n"));
            });

    [Fact]
    public void ReadQr_RefusesAForgedSignature_HoweverItIsTyped() =>
        Gen.Select(Key, BookingCodeTests.Code, Gen.Char[Base64Url].Array[16], Layout, Gen.Bool).Sample((key, code, forged, layout, caps) =>
        {
            var tokens = new BookingTokens(key);
            var text = $"{BookingTokens.QrPrefix}.{code}.{new string(forged)}";
            if (text == tokens.QrText(code))
                return;
            Assert.Null(tokens.ReadQr(ScannerKeyboard.Type(text, layout, caps)));
        }, iter: 3000);

    [Fact]
    public void ReadQr_RefusesASignatureWithOneCharacterChanged_HoweverItIsTyped() =>
        Gen.Select(Key, BookingCodeTests.Code, Gen.Int[0, 15], Gen.Char[Base64Url], Layout, Gen.Bool)
            .Sample((key, code, at, replacement, layout, caps) =>
            {
                var tokens = new BookingTokens(key);
                var text = tokens.QrText(code);
                var i = text.Length - 16 + at;
                if (text[i] == replacement || (layout != KeyboardLayout.Us && GreekAlike(text[i], replacement, caps)))
                    return;
                var changed = text[..i] + replacement + text[(i + 1)..];
                Assert.Null(tokens.ReadQr(ScannerKeyboard.Type(changed, layout, caps)));
            }, iter: 3000);

    /// <summary>
    /// The pairs a Greek layout types alike, so a reading cannot tell them apart: Σ is Shift+S, or Shift+W on X11; with
    /// CapsLock Σ is S or (X11) W, and ς is W on Windows or Shift+W on X11.
    /// </summary>
    static bool GreekAlike(char a, char b, bool caps) =>
        caps ? (a, b) is ('s', 'w') or ('w', 's') or ('w', 'W') or ('W', 'w') : (a, b) is ('S', 'W') or ('W', 'S');

    [Fact]
    public void ReadQr_RefusesTextOfAnotherKey_TypedThroughAGreekLayout() =>
        Gen.Select(Key, Key, BookingCodeTests.Code, Layout, Gen.Bool).Where((a, b, _, _, _) => !a.SequenceEqual(b))
            .Sample((mine, theirs, code, layout, caps) =>
                Assert.Null(new BookingTokens(mine).ReadQr(ScannerKeyboard.Type(new BookingTokens(theirs).QrText(code), layout, caps))));

    [Fact]
    public void ReadQr_RefusesMixedCase_OnlyAWholeTextTypedWithCapsLockIsInverted()
    {
        var tokens = new BookingTokens(new byte[32]);
        var text = tokens.QrText("ABCD2345");
        var i = Enumerable.Range(text.Length - 16, 16).First(n => char.IsAsciiLetter(text[n]));
        var oneInverted = text[..i] + (char.IsAsciiLetterUpper(text[i]) ? char.ToLowerInvariant(text[i]) : char.ToUpperInvariant(text[i])) + text[(i + 1)..];
        Assert.Null(tokens.ReadQr(oneInverted));
        Assert.Null(tokens.ReadQr(text[..5] + text[5..].ToLowerInvariant()));
        Assert.Equal("ABCD2345", tokens.ReadQr(ScannerKeyboard.Type(text, KeyboardLayout.Us, capsLock: true)));
    }
}
