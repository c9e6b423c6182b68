using Rantevou.Core.Admin;

namespace Rantevou.Core.Tests.Admin;

/// <summary>Opening hours as an office writes them: "9:00" and "9.00" are 09:00; off the 5-minute grid or no time is refused.</summary>
public sealed class AdminTimeTests
{
    [Theory]
    [InlineData("09:00", 9, 0)]
    [InlineData("9:00", 9, 0)]
    [InlineData("9.00", 9, 0)]
    [InlineData(" 14:30 ", 14, 30)]
    public void ATimeAsAnOfficeWritesIt_IsAccepted(string text, int hour, int minute)
    {
        var rules = new AdminRules();
        Assert.Equal(new TimeOnly(hour, minute), rules.Time("open", text));
        Assert.True(rules.Ok);
    }

    [Theory]
    [InlineData("9:03")]
    [InlineData("25:00")]
    [InlineData("9")]
    [InlineData("")]
    [InlineData(null)]
    public void OffTheGridOrNoTime_IsRefusedOnItsField(string? text)
    {
        var rules = new AdminRules();
        Assert.Null(rules.Time("open", text));
        Assert.Equal(["TimeInvalid"], rules.Problem!.FieldErrors!["open"]);
    }
}
