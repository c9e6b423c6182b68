using Rantevou.Core.Localization;

namespace Rantevou.Core.Catalogue;

/// <summary>A group of services as the office lists them (R1, R11).</summary>
public sealed class ServiceGroup
{
    public int Id { get; set; }
    public int OfficeId { get; set; }
    public required string NameEl { get; set; }
    public required string NameEn { get; set; }
    public int SortOrder { get; set; }
    public List<Service> Services { get; set; } = [];
    public string Name(string culture) => Language.Pick(culture, NameEl, NameEn);
}

/// <summary>A bookable service. Its duration is copied into each booking, so a later change (R11) leaves bookings as they are.</summary>
public sealed class Service
{
    public int Id { get; set; }
    public int OfficeId { get; set; }
    public int GroupId { get; set; }
    public ServiceGroup? Group { get; set; }
    public required string NameEl { get; set; }
    public required string NameEn { get; set; }
    public int DurationMinutes { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }

    /// <summary>R10: documents the person must bring (or upload).</summary>
    public List<ServiceDocument> Documents { get; set; } = [];

    public string Name(string culture) => Language.Pick(culture, NameEl, NameEn);
}

public sealed class ServiceDocument
{
    public int Id { get; set; }
    public int ServiceId { get; set; }
    public required string TextEl { get; set; }
    public required string TextEn { get; set; }
    public int SortOrder { get; set; }
    public string Text(string culture) => Language.Pick(culture, TextEl, TextEn);
}
