namespace Rantevou.Browser.Tests;

/// <summary>Where the browser tests leave the screenshots people look at: docs/screenshots in the repository.</summary>
public static class DocsScreenshots
{
    public static string PathFor(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rantevou.sln")))
            dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
