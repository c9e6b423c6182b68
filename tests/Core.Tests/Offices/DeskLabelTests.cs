using Rantevou.Core.Offices;

namespace Rantevou.Core.Tests.Offices;

/// <summary>A desk is known by its number on the display and at the desks: a renamed desk's label still says it.</summary>
public sealed class DeskLabelTests
{
    [Theory]
    [InlineData("Θυρίδα 2", "Desk 2", "el", "Θυρίδα 2")]
    [InlineData("Ταμείο", "Cashier", "el", "Θυρίδα 2: Ταμείο")]
    [InlineData("Ταμείο", "Cashier", "en", "Desk 2: Cashier")]
    [InlineData("Θυρίδα 12", "Desk 12", "el", "Θυρίδα 2: Θυρίδα 12")]
    [InlineData("2 – Διπλώματα", "2 – Licences", "el", "2 – Διπλώματα")]
    public void ARenamedDesk_KeepsItsNumberInItsLabel(string nameEl, string nameEn, string culture, string label)
    {
        var desk = new Desk { Number = 2, NameEl = nameEl, NameEn = nameEn };

        Assert.Equal(label, desk.Label(culture));
    }
}
