using CsCheck;
using Rantevou.Core.Booking;

namespace Rantevou.Core.Tests.Booking;

public class BookingCodeTests
{
    const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static readonly Gen<string> Code = Gen.Char[Alphabet].Array[BookingCode.Length].Select(a => new string(a));

    [Fact]
    public void New_CodesAreEightCrockfordCharacters_ThatNormalizeToThemselves()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => BookingCode.New()).ToList();
        Assert.All(codes, code =>
        {
            Assert.Equal(BookingCode.Length, code.Length);
            Assert.All(code, c => Assert.Contains(c, Alphabet));
            Assert.Equal(code, BookingCode.Normalize(code));
        });
        Assert.True(codes.Distinct().Count() > 495, "codes repeat far more than 40 random bits allow");
    }

    [Fact]
    public void Normalize_AnyCode_IsItself_AndSoIsItsDisplayForm() =>
        Code.Sample(code =>
        {
            Assert.Equal(code, BookingCode.Normalize(code));
            Assert.Equal(code, BookingCode.Normalize(BookingCode.Display(code)));
        });

    /// <summary>What a person may type for a code: any case, O for 0, I or L for 1, dashes and spaces anywhere.</summary>
    static Gen<string> Typed(string code) =>
        Gen.Select(Gen.Int[0, 3].Array[code.Length], Gen.OneOfConst("", "", "", "-", " ").Array[code.Length + 1])
            .Select((variants, separators) => separators[0] + string.Concat(code.Select((c, i) =>
            {
                var v = variants[i];
                var typed = c switch
                {
                    '0' => "0Oo0"[v],
                    '1' => "1IiLl"[v],
                    _ => v % 2 == 0 ? c : char.ToLowerInvariant(c),
                };
                return typed + separators[i + 1];
            })));

    [Fact]
    public void Normalize_LookAlikesLowerCaseAndSeparators_GiveTheSameCode() =>
        Code.SelectMany(code => Typed(code).Select(typed => (code, typed))).Sample((code, typed) =>
            Assert.Equal(code, BookingCode.Normalize(typed)), iter: 2000);

    [Theory]
    [InlineData("abcd-efgh", "ABCDEFGH")]
    [InlineData("OOOO IIII", "00001111")]
    [InlineData("llll-oooo", "11110000")]
    [InlineData(" 7K3M 9QXZ ", "7K3M9QXZ")]
    public void Normalize_Examples(string typed, string expected) =>
        Assert.Equal(expected, BookingCode.Normalize(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCDEFG")]
    [InlineData("ABCDEFGHJ")]
    [InlineData("ABCDEFGU")] // U is not in the alphabet
    [InlineData("ABCD_EFG")]
    [InlineData("ABCD.EFGH")]
    [InlineData("ΑΒΓΔΕΖΗΘ")] // Greek capitals that look Latin are not accepted
    public void Normalize_RejectsWhatIsNotACode(string? typed) =>
        Assert.Null(BookingCode.Normalize(typed));
}
