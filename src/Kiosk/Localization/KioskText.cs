namespace Rantevou.Kiosk.Localization;

/// <summary>Marker for the kiosk texts: KioskText.resx (Greek, the default) and KioskText.en.resx.</summary>
public sealed class KioskText;
