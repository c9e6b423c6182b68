namespace Rantevou.Core.Tests.Localization;

/// <summary>The office's words, one for each thing, on every page, email and message.</summary>
public sealed class WordingTests
{
    /// <summary>
    /// A desk is a «θυρίδα» everywhere: people who read «γκισέ» on one screen and «θυρίδα» on another look for two things.
    /// The same for the kiosk's scan: «σαρώστε», never «σκανάρετε».
    /// </summary>
    [Fact]
    public void ADeskIsAThyrida_AndAScanIsSarosi_InEveryGreekText()
    {
        var texts = Directory.EnumerateFiles(Path.Combine(RepoFiles.Root(), "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".resx", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(texts);
        var gkise = texts.Where(f => File.ReadAllText(f).Contains("γκισέ", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(gkise.Count == 0, "«γκισέ» in: " + string.Join(", ", gkise));
        Assert.Contains(texts, f => File.ReadAllText(f).Contains("Θυρίδα", StringComparison.Ordinal));
        // One verb for scanning the QR code at the kiosk, too.
        var skanarete = texts.Where(f => File.ReadAllText(f).Contains("σκανάρ", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(skanarete.Count == 0, "«σκανάρετε» instead of «σαρώστε» in: " + string.Join(", ", skanarete));
    }
}
