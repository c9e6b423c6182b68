using Rantevou.Core.Catalogue;
using Rantevou.Core.Localization;

namespace Rantevou.Core.Offices;

public sealed class Desk
{
    public int Id { get; set; }
    public int OfficeId { get; set; }
    public int Number { get; set; }
    public required string NameEl { get; set; }
    public required string NameEn { get; set; }
    public bool Active { get; set; } = true;
    public List<DeskService> Services { get; set; } = [];
    public string Name(string culture) => Language.Pick(culture, NameEl, NameEn);
}

/// <summary>Which services a desk serves (R11: admins change it).</summary>
public sealed class DeskService
{
    public int DeskId { get; set; }
    public int ServiceId { get; set; }
    public Service? Service { get; set; }
}
