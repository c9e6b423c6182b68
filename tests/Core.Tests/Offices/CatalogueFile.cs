using System.Text.Json;

namespace Rantevou.Core.Tests.Offices;

/// <summary>The office catalogue as Core embeds it (src/Core/Demo/office-catalogue.json).</summary>
static class CatalogueFile
{
    static readonly Lazy<JsonDocument> Document = new(() =>
    {
        using var stream = typeof(Rantevou.Core.Offices.GreekHolidays).Assembly.GetManifestResourceStream("office-catalogue.json")
            ?? throw new InvalidOperationException("office-catalogue.json is not embedded in Rantevou.Core");
        return JsonDocument.Parse(stream);
    });

    public static JsonElement Root => Document.Value.RootElement;

    public static JsonElement HolidayRules => Root.GetProperty("holiday_rules");

    public static JsonElement Computed(int year) => HolidayRules.GetProperty("computed").GetProperty(year.ToString());

    public static IEnumerable<int> ComputedYears =>
        HolidayRules.GetProperty("computed").EnumerateObject().Select(p => int.Parse(p.Name));

    public static DateOnly Date(JsonElement e) => DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd");

    public static IEnumerable<DateOnly> Holidays(int year)
    {
        var y = Computed(year);
        return y.GetProperty("fixed").EnumerateArray().Concat(y.GetProperty("movable").EnumerateArray())
            .Select(h => Date(h.GetProperty("date")));
    }

    public static JsonElement MobileFormats => Root.GetProperty("formats").GetProperty("mobile_phone");
}
