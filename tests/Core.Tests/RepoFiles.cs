namespace Rantevou.Core.Tests;

/// <summary>The repository's own files, for tests that read the source (texts, scripts) rather than run it.</summary>
static class RepoFiles
{
    /// <summary>The folder holding Rantevou.sln, above the test's build output.</summary>
    public static string Root()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Rantevou.sln")))
            root = root.Parent;
        return root?.FullName ?? throw new InvalidOperationException($"Rantevou.sln not found above {AppContext.BaseDirectory}.");
    }
}
