using System.Reflection;
using System.Security.Cryptography;

namespace Rantevou.Core.Release;

/// <summary>
/// Which build of Rantevou this node runs. Lobby kiosks and wall displays stay open for weeks: they compare the build
/// they were served by with the node's (<c>GET /api/release</c>) and reload themselves after an upgrade, so they never
/// run old scripts against a new server.
/// </summary>
public sealed class ReleaseInfo(string id)
{
    public string Id { get; } = id;

    /// <summary>
    /// A short fingerprint of the compiled assemblies (their module version ids change with every change of code or
    /// Razor) and of the static assets' manifest, whose fingerprints change with every script or style sheet. Every
    /// node that runs the same published files has the same id.
    /// </summary>
    public static ReleaseInfo Of(IEnumerable<Assembly> assemblies, string? staticAssetsManifest)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var assembly in assemblies.Distinct().OrderBy(a => a.FullName, StringComparer.Ordinal))
            hash.AppendData(assembly.ManifestModule.ModuleVersionId.ToByteArray());
        if (staticAssetsManifest is not null && File.Exists(staticAssetsManifest))
            hash.AppendData(File.ReadAllBytes(staticAssetsManifest));
        return new ReleaseInfo(Convert.ToHexStringLower(hash.GetHashAndReset())[..12]);
    }
}
