using Rantevou.Core.Release;

namespace Rantevou.Core.Tests.Release;

/// <summary>The build id kiosks and displays compare: the same for the same files on every node, another after an upgrade.</summary>
public sealed class ReleaseInfoTests : IDisposable
{
    readonly string manifest = Path.Combine(Path.GetTempPath(), $"rantevou-release-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(manifest);

    [Fact]
    public void SameAssembliesAndAssets_GiveTheSameId_WhateverTheOrder()
    {
        File.WriteAllText(manifest, """{"Endpoints":[{"Route":"kiosk.abc123.js"}]}""");
        var first = ReleaseInfo.Of([typeof(ReleaseInfo).Assembly, typeof(ReleaseInfoTests).Assembly], manifest);
        var second = ReleaseInfo.Of([typeof(ReleaseInfoTests).Assembly, typeof(ReleaseInfo).Assembly], manifest);
        Assert.Matches("^[0-9a-f]{12}$", first.Id);
        Assert.Equal(first.Id, second.Id);
    }

    [Fact]
    public void AChangedScript_OrAChangedAssembly_GivesAnotherId()
    {
        File.WriteAllText(manifest, """{"Endpoints":[{"Route":"kiosk.abc123.js"}]}""");
        var before = ReleaseInfo.Of([typeof(ReleaseInfo).Assembly], manifest).Id;
        File.WriteAllText(manifest, """{"Endpoints":[{"Route":"kiosk.def456.js"}]}""");
        Assert.NotEqual(before, ReleaseInfo.Of([typeof(ReleaseInfo).Assembly], manifest).Id);
        Assert.NotEqual(ReleaseInfo.Of([typeof(ReleaseInfo).Assembly], null).Id, ReleaseInfo.Of([typeof(ReleaseInfoTests).Assembly], null).Id);
    }
}
