namespace Rantevou.Core.LiveDay;

/// <summary>Message keys (Messages.resx) of the clerk's desk checks; kept apart from MessageKeys so the desk's checks travel together.</summary>
public static class DeskMessageKeys
{
    /// <summary>R5 defers appointments; a walk-in steps back with "interrupt" (R13).</summary>
    public const string DeferWalkIn = "DeferWalkIn";

    /// <summary>R12: a no-show before the appointment's time needs the clerk's confirmation; {0} is the time.</summary>
    public const string NoShowBeforeStart = "NoShowBeforeStart";

    /// <summary>R10: no required document with that number for the person at the desk.</summary>
    public const string DeskDocumentUnknown = "DeskDocumentUnknown";

    /// <summary>R10: the answer of a tick request (true or false) is missing.</summary>
    public const string CheckedRequired = "CheckedRequired";
}
