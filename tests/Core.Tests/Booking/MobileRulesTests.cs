using System.Text.RegularExpressions;
using CsCheck;
using Rantevou.Core.Booking;
using Rantevou.Core.Tests.Offices;

namespace Rantevou.Core.Tests.Booking;

public class MobileRulesTests
{
    static Gen<string> Digits(int n) => Gen.Char['0', '9'].Array[n].Select(a => new string(a));

    /// <summary>National mobile numbers in the catalogue's ranges: 69, 685/687/688/689, 94.</summary>
    static readonly Gen<string> NationalMobile = Gen.OneOf(
        Digits(8).Select(d => "69" + d),
        Gen.Select(Gen.OneOfConst('5', '7', '8', '9'), Digits(7), (c, d) => "68" + c + d),
        Digits(8).Select(d => "94" + d));

    static readonly Gen<string> Prefix = Gen.OneOfConst("", "+30", "0030", "+30 ", "0030 ", "(+30) ");

    /// <summary>Writes the digits as people do: with spaces, dots or dashes between some of them.</summary>
    static Gen<string> Spelled(string digits) =>
        Gen.FrequencyConst((6, ""), (2, " "), (1, "."), (1, "-")).Array[digits.Length].Select(seps =>
            string.Concat(digits.Select((c, i) => (i == 0 ? "" : seps[i]) + c)));

    static Gen<(string Written, string Digits)> Written(Gen<string> national) =>
        from digits in national
        from prefix in Prefix
        from spelled in Spelled(digits)
        from padding in Gen.OneOfConst("", " ", "  ")
        select (padding + prefix + spelled + padding, digits);

    [Fact]
    public void NormalizeMobile_AcceptsEveryCatalogueFormat_AsPlus30AndTenDigits() =>
        Written(NationalMobile).Sample((written, digits) =>
            Assert.Equal("+30" + digits, ContactRules.NormalizeMobile(written)), iter: 2000);

    [Fact]
    public void NormalizeMobile_AgreesWithTheCataloguesBroadRegex() =>
        Gen.Select(Gen.OneOfConst("2", "3", "5", "6", "68", "69", "9", "94", "93", "0"), Digits(10), Gen.Int[9, 11])
            .Select((head, tail, length) => (head + tail)[..length])
            .Sample(national =>
            {
                var broad = new Regex(CatalogueFile.MobileFormats.GetProperty("broad_regex_national").GetString()!);
                var expected = broad.IsMatch(national) ? "+30" + national : null;
                Assert.Equal(expected, ContactRules.NormalizeMobile(national));
                Assert.Equal(expected, ContactRules.NormalizeMobile("+30 " + national));
            }, iter: 3000);

    [Fact]
    public void NormalizeMobile_RejectsLandlinesInAnyFormat() =>
        Written(Digits(9).Select(d => "2" + d)).Sample((written, _) =>
            Assert.Null(ContactRules.NormalizeMobile(written)), iter: 1000);

    /// <summary>Unicode decimal digits that are not ASCII: Arabic-Indic, Devanagari, full-width, mathematical bold.</summary>
    static readonly Gen<string> OtherDigit = Gen.OneOf(
        Gen.Char['\u0660', '\u0669'], Gen.Char['\u0966', '\u096F'], Gen.Char['\uFF10', '\uFF19']).Select(c => c.ToString());

    [Fact]
    public void NormalizeMobile_RejectsNonAsciiDigits_AnywhereInTheNumber() =>
        Gen.Select(Written(NationalMobile), Gen.Int[0, 9], OtherDigit).Sample((number, position, other) =>
        {
            var digitIndexes = number.Written.Select((c, i) => (c, i)).Where(x => char.IsAsciiDigit(x.c)).Select(x => x.i).ToArray();
            var at = digitIndexes[^(position + 1)]; // one of the ten national digits, counted from the end
            var written = number.Written[..at] + other + number.Written[(at + 1)..];
            Assert.Null(ContactRules.NormalizeMobile(written));
        }, iter: 1000);

    [Theory]
    [InlineData("6971234567", "+306971234567")]
    [InlineData("+30 697 123 4567", "+306971234567")]
    [InlineData("0030-694.123.4567", "+306941234567")]
    [InlineData("(+30) 6912345678", "+306912345678")]
    [InlineData("  +306981234567 ", "+306981234567")]
    [InlineData("685 123 4567", "+306851234567")]
    [InlineData("687-123-4567", "+306871234567")]
    [InlineData("6881234567", "+306881234567")]
    [InlineData("689.123.4567", "+306891234567")]
    [InlineData("9412345678", "+309412345678")]
    [InlineData("6921234567", "+306921234567")] // 692 (paging) is inside the catalogue's broad 69 range
    [InlineData("6961234567", "+306961234567")] // 696 (TETRA) likewise
    public void NormalizeMobile_AcceptsExamples(string input, string expected) =>
        Assert.Equal(expected, ContactRules.NormalizeMobile(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2310123456")] // Thessaloniki landline
    [InlineData("2101234567")] // Athens landline
    [InlineData("+30 210 123 4567")]
    [InlineData("6861234567")] // 686 is not a mobile range
    [InlineData("6841234567")]
    [InlineData("697123456")] // 9 digits
    [InlineData("69712345678")] // 11 digits
    [InlineData("06971234567")] // trunk 0 is not used in Greece
    [InlineData("+44 6971234567")]
    [InlineData("30 6971234567")]
    [InlineData("+30+30 6971234567")]
    [InlineData("697l234567")]
    [InlineData("697_123_4567")]
    [InlineData("697/123/4567")]
    [InlineData("٦٩٧١٢٣٤٥٦٧")] // Arabic-Indic digits
    [InlineData("６９７１２３４５６７")] // full-width digits
    [InlineData("69٧١٢٣٤٥٦٧")] // a valid prefix, then Arabic-Indic digits
    [InlineData("+30 69７１２３４５６７")] // a valid prefix, then full-width digits
    public void NormalizeMobile_RejectsExamples(string? input) =>
        Assert.Null(ContactRules.NormalizeMobile(input));
}
