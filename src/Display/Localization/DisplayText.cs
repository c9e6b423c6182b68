namespace Rantevou.Display.Localization;

/// <summary>Marker for the display texts: DisplayText.resx (Greek, the default) and DisplayText.en.resx.</summary>
public sealed class DisplayText;
