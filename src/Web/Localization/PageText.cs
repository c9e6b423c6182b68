namespace Rantevou.Web.Localization;

/// <summary>Marker for the page texts: PageText.resx (Greek, the default) and PageText.en.resx.</summary>
public sealed class PageText;
