using CsCheck;
using Rantevou.Core.Booking;
using Rantevou.TestKit;

namespace Rantevou.Core.Tests.Booking;

public class BookingTokensTests
{
    static readonly Gen<byte[]> Key = Gen.Byte.Array[32];

    static readonly Gen<char> AnyChar = Gen.OneOf(
        Gen.Char[' ', '~'], Gen.Char['\u00A0', '\u07FF'], Gen.OneOfConst('\n', '\t', '\0', '\uFFFD', '\u200B'));

    [Fact]
    public void ReadQr_ReturnsTheCode_OfTheQrTextItSigned() =>
        Gen.Select(Key, BookingCodeTests.Code, Gen.OneOfConst("", "\n", "\r\n", " ")).Sample((key, code, trailing) =>
        {
            var tokens = new BookingTokens(key);
            var text = tokens.QrText(code);
            Assert.StartsWith(BookingTokens.QrPrefix + "." + code + ".", text);
            Assert.Equal(code, tokens.ReadQr(text));
            Assert.Equal(code, tokens.ReadQr(text + trailing)); // scanners may add a line end
        });

    [Fact]
    public void ReadQr_RejectsAnySingleCharacterChange() =>
        Gen.Select(Key, BookingCodeTests.Code, Gen.Int[0, 1000], AnyChar).Sample((key, code, at, replacement) =>
        {
            var tokens = new BookingTokens(key);
            var text = tokens.QrText(code);
            var i = at % text.Length;
            if (text[i] == replacement || SameKey(text[i], replacement))
                return;
            var changed = text[..i] + replacement + text[(i + 1)..];
            Assert.Null(tokens.ReadQr(changed));
        }, iter: 5000);

    /// <summary>
    /// R3: a scanner typing through a Greek layout sends another character for the same key (α for a, ; for q, ' for -,
    /// Σ for Shift+S or, on X11, Shift+W): that is not a change of the text (ScannedQrTests).
    /// </summary>
    static bool SameKey(char meant, char typed) =>
        Enum.GetValues<KeyboardLayout>().Any(l => ScannerKeyboard.Type(meant.ToString(), l) == typed.ToString());

    [Fact]
    public void ReadQr_RejectsTextSignedWithAnotherKey() =>
        Gen.Select(Key, Key, BookingCodeTests.Code).Where((a, b, _) => !a.SequenceEqual(b)).Sample((mine, theirs, code) =>
        {
            var text = new BookingTokens(theirs).QrText(code);
            Assert.Null(new BookingTokens(mine).ReadQr(text));
        });

    [Fact]
    public void ReadQr_RejectsASignatureMovedToAnotherCode() =>
        Gen.Select(Key, BookingCodeTests.Code, BookingCodeTests.Code).Where((_, a, b) => a != b).Sample((key, a, b) =>
        {
            var tokens = new BookingTokens(key);
            var signature = tokens.QrText(a).Split('.')[2];
            Assert.Null(tokens.ReadQr($"{BookingTokens.QrPrefix}.{b}.{signature}"));
        });

    [Fact]
    public void ReadQr_ReturnsNullForGarbage_WithoutThrowing() =>
        Gen.Select(Key, Gen.String, Gen.String[Gen.Char["RVU1.ABCXYZ019-_ "], 0, 40])
            .Sample((key, anything, nearMiss) =>
            {
                var tokens = new BookingTokens(key);
                Assert.Null(tokens.ReadQr(anything));
                Assert.Null(tokens.ReadQr(nearMiss));
                Assert.Null(tokens.ReadQr(BookingTokens.QrPrefix + "." + anything));
            }, iter: 2000);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RVU1")]
    [InlineData("RVU1..")]
    [InlineData("RVU1.ABCDEFGH.")]
    [InlineData("RVU1.ABCDEFGH")]
    [InlineData("RVU1.ABCDEFGH.x.y")]
    [InlineData("RVU2.ABCDEFGH.AAAAAAAAAAAAAAAA")]
    [InlineData("rvu1.ABCDEFGH.AAAAAAAAAAAAAAAA")]
    [InlineData("RVU1.ABCDEFGH.ΑΑΑΑΑΑΑΑΑΑΑΑΑΑΑΑ")]
    [InlineData("RVU1.ABCDEFGH.🙂🙂🙂🙂🙂🙂🙂🙂")]
    [InlineData("https://example.gr/b/ABCDEFGH")]
    public void ReadQr_RejectsGarbageExamples(string? text) =>
        Assert.Null(new BookingTokens(new byte[32]).ReadQr(text));

    [Fact]
    public void ReadQr_RejectsAVeryLongText() =>
        Assert.Null(new BookingTokens(new byte[32]).ReadQr("RVU1." + new string('A', 100_000) + ".x"));

    [Fact]
    public void ManageAndConfirmTokens_AreBoundToBookingKeyAndPurpose() =>
        Gen.Select(Key, Key, Gen.Guid, Gen.Guid).Where((a, b, x, y) => !a.SequenceEqual(b) && x != y).Sample((key, otherKey, id, otherId) =>
        {
            var tokens = new BookingTokens(key);
            Assert.True(tokens.IsManage(id, tokens.Manage(id)));
            Assert.True(tokens.IsConfirm(id, tokens.Confirm(id)));
            Assert.False(tokens.IsManage(id, tokens.Confirm(id)));
            Assert.False(tokens.IsConfirm(id, tokens.Manage(id)));
            Assert.False(tokens.IsManage(otherId, tokens.Manage(id)));
            Assert.False(tokens.IsManage(id, new BookingTokens(otherKey).Manage(id)));
        });

    [Fact]
    public void ManageToken_RejectsAnySingleCharacterChangeAndGarbage() =>
        Gen.Select(Key, Gen.Guid, Gen.Int[0, 100], AnyChar, Gen.String).Sample((key, id, at, replacement, garbage) =>
        {
            var tokens = new BookingTokens(key);
            var token = tokens.Manage(id);
            var i = at % token.Length;
            if (token[i] != replacement)
                Assert.False(tokens.IsManage(id, token[..i] + replacement + token[(i + 1)..]));
            Assert.False(tokens.IsManage(id, garbage));
            Assert.False(tokens.IsManage(id, null));
            Assert.False(tokens.IsManage(id, token + "A"));
            Assert.False(tokens.IsManage(id, token[..^1]));
        }, iter: 2000);
}
