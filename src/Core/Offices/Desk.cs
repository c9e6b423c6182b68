using Rantevou.Core.Catalogue;
using Rantevou.Core.Localization;

namespace Rantevou.Core.Offices;

public sealed class Desk
{
    /// <summary>The length of the name columns (a desk's name is short: it is on the display and the tickets).</summary>
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public int OfficeId { get; set; }
    public int Number { get; set; }
    public required string NameEl { get; set; }
    public required string NameEn { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>The names a desk starts with: the office calls its desks by number.</summary>
    public static (string El, string En) DefaultNames(int number) =>
        (string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Θυρίδα {number}"),
         string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Desk {number}"));
    public List<DeskService> Services { get; set; } = [];
    public string Name(string culture) => Language.Pick(culture, NameEl, NameEn);

    /// <summary>
    /// The name with the desk's number before it unless the name already says it ("Θυρίδα 2: Ταμείο"): the display and
    /// the clerks know a desk by its number, and a renamed desk would otherwise lose it.
    /// </summary>
    public string Label(string culture)
    {
        var name = Name(culture);
        var number = Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (System.Text.RegularExpressions.Regex.IsMatch(name, $@"(?<!\d){number}(?!\d)"))
            return name;
        var (el, en) = DefaultNames(Number);
        return $"{Language.Pick(culture, el, en)}: {name}";
    }
}

/// <summary>Which services a desk serves (R11: admins change it).</summary>
public sealed class DeskService
{
    public int DeskId { get; set; }
    public int ServiceId { get; set; }
    public Service? Service { get; set; }
}
