using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Rantevou.Core.Tests.Localization;

/// <summary>
/// The audit log shows each entry's action, role, outcome and channel in words, Greek and English, never only as a key:
/// every action the code records, every role, outcome and channel has its words in the admin pages' texts.
/// </summary>
public sealed partial class AuditWordsTests
{
    [Fact]
    public void EveryAuditedAction_Role_Outcome_AndChannel_HasWordsInBothLanguages()
    {
        var code = Directory.EnumerateFiles(Path.Combine(RepoFiles.Root(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        var actions = code.SelectMany(c => ActionLiteral().Matches(c)).Select(m => m.Groups["key"].Value).Distinct().ToList();
        Assert.True(actions.Count >= 30, $"only {actions.Count} audited actions found: the search for them is broken");
        string[] wanted = [.. actions.Select(a => "AuditAction." + a), .. new[] { "Admin", "Clerk", "Agent", "Holder" }.Select(r => "AuditRole." + r),
            .. Enum.GetNames<Audit.AuditChannel>().Select(c => "AuditChannel." + c), .. Enum.GetNames<Audit.AuditOutcome>().Select(o => "AuditOutcome." + o)];

        foreach (var file in new[] { "AdminText.resx", "AdminText.en.resx" })
        {
            var names = XDocument.Load(Path.Combine(RepoFiles.Root(), "src", "Web", "Localization", file)).Root!
                .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
            var missing = wanted.Where(w => !names.Contains(w)).ToList();
            Assert.True(missing.Count == 0, $"{file} has no words for: {string.Join(", ", missing)}");
        }
    }

    /// <summary>[Audited("…")], HttpContext.AuditAction("…"), AuditAction => "…", and an AuditRecord written by hand.</summary>
    [GeneratedRegex(@"(?:Audited\(|AuditAction\(|AuditAction => |AuditRecord\([^,""]+, )""(?<key>[a-z][a-z0-9.-]+)""")]
    private static partial Regex ActionLiteral();
}
