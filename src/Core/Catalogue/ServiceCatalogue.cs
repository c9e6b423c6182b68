using System.Text.Json;
using System.Text.Json.Serialization;
using Rantevou.Core.Localization;

namespace Rantevou.Core.Catalogue;

/// <summary>
/// The directorate's catalogue of services (office-catalogue.json): every service a transport office may offer, with
/// its group, planned time and documents (R10). A new office takes its services from here.
/// </summary>
public static class ServiceCatalogue
{
    static readonly Lazy<IReadOnlyList<CatalogueService>> Loaded = new(Load);

    public static IReadOnlyList<CatalogueService> All => Loaded.Value;

    public static CatalogueService? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    static IReadOnlyList<CatalogueService> Load()
    {
        using var stream = typeof(ServiceCatalogue).Assembly.GetManifestResourceStream("office-catalogue.json")
            ?? throw new InvalidOperationException("office-catalogue.json is not embedded");
        return JsonSerializer.Deserialize<CatalogueFile>(stream)!.Services;
    }

    sealed record CatalogueFile([property: JsonPropertyName("services")] List<CatalogueService> Services);
}

public sealed record CatalogueService(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("group_el")] string GroupEl,
    [property: JsonPropertyName("group_en")] string GroupEn,
    [property: JsonPropertyName("name_el")] string NameEl,
    [property: JsonPropertyName("name_en")] string NameEn,
    [property: JsonPropertyName("duration_minutes")] int DurationMinutes,
    [property: JsonPropertyName("documents_el")] List<string> DocumentsEl,
    [property: JsonPropertyName("documents_en")] List<string> DocumentsEn)
{
    public string Name(string culture) => Language.Pick(culture, NameEl, NameEn);
    public string Group(string culture) => Language.Pick(culture, GroupEl, GroupEn);
}
