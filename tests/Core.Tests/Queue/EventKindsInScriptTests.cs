using System.Text.RegularExpressions;
using Rantevou.Contracts.Queue;

namespace Rantevou.Core.Tests.Queue;

/// <summary>
/// The hub's JSON protocol sends an event's kind as a number: the screens' script names them by their place in
/// <see cref="QueueEventKind"/>, so a kind added or moved there must be added or moved in the script too.
/// </summary>
public sealed class EventKindsInScriptTests
{
    [Fact]
    public void QueueLiveScript_NamesEveryEventKind_InTheContractsOrder()
    {
        var script = File.ReadAllText(Path.Combine(RepoFiles.Root(), "src", "Hub", "wwwroot", "js", "queue-live.js"));
        var list = Regex.Match(script, @"const KINDS = \[(?<names>[^\]]*)\]", RegexOptions.Singleline);
        Assert.True(list.Success, "KINDS not found in queue-live.js");
        var names = Regex.Matches(list.Groups["names"].Value, "'([A-Za-z]+)'").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(Enum.GetNames<QueueEventKind>(), names);
    }
}
