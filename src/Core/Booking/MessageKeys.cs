namespace Rantevou.Core.Booking;

/// <summary>Keys of the user-facing messages (Localization/MessageKeys.resx: Greek; MessageKeys.en.resx: English).</summary>
public static class MessageKeys
{
    public const string Invalid = "Invalid";
    public const string Required = "Required";
    public const string FullNameInvalid = "FullNameInvalid";
    public const string EmailInvalid = "EmailInvalid";
    public const string MobileInvalid = "MobileInvalid";
    public const string StartInvalid = "StartInvalid";
    public const string ServiceUnknown = "ServiceUnknown";
    public const string ServiceInactive = "ServiceInactive";
    public const string SlotTaken = "SlotTaken";
    public const string StartInPast = "StartInPast";
    public const string StartTooSoon = "StartTooSoon";
    public const string BeyondHorizon = "BeyondHorizon";
    public const string OfficeClosed = "OfficeClosed";
    public const string OutsideHours = "OutsideHours";
    public const string NotOnGrid = "NotOnGrid";
    public const string NoDesk = "NoDesk";
    public const string BookingNotFound = "BookingNotFound";
    public const string NotChangeable = "NotChangeable";
    public const string HoldExpired = "HoldExpired";
    public const string DocumentsClosed = "DocumentsClosed";
    public const string DocumentUnknown = "DocumentUnknown";
    public const string DocumentEmpty = "DocumentEmpty";
    public const string DocumentRequired = "DocumentRequired";
    public const string DocumentTypeNotAllowed = "DocumentTypeNotAllowed";
    public const string DocumentTooLarge = "DocumentTooLarge";
    public const string DocumentTooManyPixels = "DocumentTooManyPixels";
    public const string DocumentDamaged = "DocumentDamaged";
    public const string TooManyDocuments = "TooManyDocuments";
    public const string ChangedMeanwhile = "ChangedMeanwhile";
    public const string DateInvalid = "DateInvalid";
    public const string MalformedRequest = "MalformedRequest";
    public const string BodyTooLarge = "BodyTooLarge";
    public const string UnsupportedMediaType = "UnsupportedMediaType";
    public const string NotFoundGeneric = "NotFoundGeneric";
    public const string ServerError = "ServerError";
    public const string IdempotencyMismatch = "IdempotencyMismatch";
    public const string IdempotencyInFlight = "IdempotencyInFlight";
    public const string LoginFailed = "LoginFailed";
    public const string LockedOut = "LockedOut";
    public const string Unauthorized = "Unauthorized";
    public const string Forbidden = "Forbidden";
    public const string MethodNotAllowed = "MethodNotAllowed";
    public const string DeskUnknown = "DeskUnknown";
    public const string DeskHasNobody = "DeskHasNobody";
    public const string DeskBusy = "DeskBusy";
    public const string OfficeUnknown = "OfficeUnknown";
    public const string OfficeClosedNow = "OfficeClosedNow";
    public const string NoTimeLeftToday = "NoTimeLeftToday";
    public const string ServiceNotServedHere = "ServiceNotServedHere";
    public const string PriorityInvalid = "PriorityInvalid";
    public const string ReasonRequired = "ReasonRequired";
    public const string QrRequired = "QrRequired";
    public const string TooManyRequests = "TooManyRequests";
}
