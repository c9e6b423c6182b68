using CsCheck;
using Rantevou.Core.Booking;

namespace Rantevou.Core.Tests.Booking;

public class ContactRulesTests
{
    [Theory]
    [InlineData("maria.papadopoulou@example.gr")]
    [InlineData("a+tag@sub.example.com")]
    [InlineData("nikos_k-1@ypes.gov.gr")]
    [InlineData("X@Y.GR")]
    public void NormalizeEmail_AcceptsOrdinaryAddresses_Unchanged(string email) =>
        Assert.Equal(email, ContactRules.NormalizeEmail(email));

    [Fact]
    public void NormalizeEmail_TrimsSurroundingSpaces() =>
        Assert.Equal("maria@example.gr", ContactRules.NormalizeEmail("  maria@example.gr \t"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("maria")]
    [InlineData("maria@example")]
    [InlineData("@example.gr")]
    [InlineData("maria@")]
    [InlineData("maria@@example.gr")]
    [InlineData("maria papa@example.gr")]
    [InlineData("maria@example.g")]
    [InlineData("Maria <maria@example.gr>")]
    [InlineData("<maria@example.gr>")]
    [InlineData("maria@example.gr, nikos@example.gr")]
    [InlineData("maria@example.gr;nikos@example.gr")]
    [InlineData("\"maria\"@example.gr")]
    [InlineData("maria@[127.0.0.1]")]
    [InlineData("maria@example.gr\r\nBcc: x@evil.gr")]
    public void NormalizeEmail_RejectsMalformedOrMultipleAddresses(string? email) =>
        Assert.Null(ContactRules.NormalizeEmail(email));

    [Fact]
    public void NormalizeEmail_RejectsAddressesLongerThan254() =>
        Assert.Null(ContactRules.NormalizeEmail(new string('a', 250) + "@example.gr"));

    [Theory]
    [InlineData("Μαρία Παπαδοπούλου")]
    [InlineData("ΓΙΩΡΓΟΣ ΠΑΠΑΔΗΜΗΤΡΙΟΥ")]
    [InlineData("Ελένη Κωνσταντίνου-Ραφαηλίδου")]
    [InlineData("Ζωή Δ. Καραλή")]
    [InlineData("Ἀθηνᾶ Ῥοδίτου")] // polytonic
    [InlineData("Αθηνά Ρ\u0301οδίτου")] // a combining accent
    [InlineData("Seán O'Brien")]
    [InlineData("José María Núñez-García")]
    [InlineData("Chloé D’Angelo")]
    [InlineData("Jo Li")]
    public void NormalizeFullName_AcceptsGreekAndLatinNames_WithAccentsHyphensAndApostrophes(string name) =>
        Assert.Equal(name, ContactRules.NormalizeFullName(name));

    [Fact]
    public void NormalizeFullName_TrimsAndCollapsesWhitespace_IncludingLineBreaks()
    {
        Assert.Equal("Μαρία Παπά", ContactRules.NormalizeFullName("  Μαρία \t  Παπά  "));
        Assert.Equal("Νίκος Παπάς Bcc", ContactRules.NormalizeFullName("Νίκος\r\nΠαπάς\nBcc"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Ν")]
    [InlineData("Ν.")]
    [InlineData("Νίκος 2ος")]
    [InlineData("John3 Smith")]
    [InlineData("<b>Nikos</b>")]
    [InlineData("Νίκος<script>alert(1)</script>")]
    [InlineData("Nikos; DROP TABLE Bookings")]
    [InlineData("nikos@example.gr")]
    [InlineData("'Nikos Papas")]
    [InlineData("-Nikos")]
    [InlineData("Νίκος & Μαρία")]
    [InlineData("Νίκος_Παπάς")]
    [InlineData("Nikos 🙂")]
    public void NormalizeFullName_RejectsDigitsMarkupAndSymbols(string? name) =>
        Assert.Null(ContactRules.NormalizeFullName(name));

    [Fact]
    public void NormalizeFullName_RejectsNamesLongerThan200() =>
        Assert.Null(ContactRules.NormalizeFullName(new string('α', 150) + " " + new string('β', 60)));

    static readonly Gen<string> Word = Gen.OneOf(
        Gen.Char["αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς"].Array[1, 12].Select(a => new string(a)),
        Gen.Char["ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈΉΊΌΎΏ"].Select(Gen.Char["αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ"].Array[0, 12], (c, rest) => c + new string(rest)),
        Gen.Char["abcdefghijklmnopqrstuvwxyzéèêëáàâäíïóöúüñçşğ"].Array[1, 12].Select(a => new string(a)),
        Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZÉÁÖÜ"].Select(Gen.Char["abcdefghijklmnopqrstuvwxyzéáöü"].Array[0, 12], (c, rest) => c + new string(rest)));

    static readonly Gen<string> Name =
        from first in Word
        from rest in Gen.Select(Gen.OneOfConst(" ", "-", "'", "’", ". ", " "), Word).Array[1, 4]
        select first + string.Concat(rest.Select(r => r.Item1 + r.Item2));

    [Fact]
    public void NormalizeFullName_AcceptsGeneratedNames_Unchanged() =>
        Name.Where(n => n.Length is >= 3 and <= 200).Sample(name =>
            Assert.Equal(name, ContactRules.NormalizeFullName(name)), iter: 2000);

    [Fact]
    public void NormalizeFullName_RejectsAGeneratedName_WithADigitOrMarkupCharacterInserted() =>
        Gen.Select(Name, Gen.Char["0123456789<>&;@\"/\\=()[]{}#%*+!?|_~$^`:"], Gen.Int[0, 1000]).Sample((name, bad, at) =>
        {
            var i = at % (name.Length + 1);
            Assert.Null(ContactRules.NormalizeFullName(name[..i] + bad + name[i..]));
        }, iter: 2000);
}
