namespace Rantevou.Browser.Tests;

/// <summary>What a person reads on the pages, per language: the tests find things the way people do.</summary>
public sealed record Texts(
    string BookService, string Day, string Continue, string FullName, string Email, string Mobile, string Submit,
    string CheckEmail, string ConfirmButton, string Confirmed, string ConfirmedMessage, string ManageTitle,
    string Reschedule, string RescheduleButton, string Rescheduled, string Cancel, string CancelYes, string Cancelled,
    string ErrorSummary, string SlotTaken, string NotFound)
{
    public static readonly Texts Greek = new(
        "Κλείστε ραντεβού – Ανανέωση άδειας οδήγησης", "Τετάρτη 2 Δεκεμβρίου 2026", "Συνέχεια",
        "Ονοματεπώνυμο", "Email", "Κινητό τηλέφωνο", "Κλείστε το ραντεβού",
        "Ελέγξτε το email σας", "Επιβεβαίωση", "Επιβεβαιωμένο", "Το ραντεβού σας επιβεβαιώθηκε", "Το ραντεβού σας",
        "Αλλαγή ώρας", "Αλλαγή στη νέα ώρα", "Η ώρα του ραντεβού άλλαξε", "Ακύρωση ραντεβού", "Ναι, ακύρωση", "Ακυρωμένο",
        "Υπάρχει πρόβλημα", "μόλις κλείστηκε από κάποιον άλλο", "Η σελίδα δεν βρέθηκε");

    public static readonly Texts English = new(
        "Book – Driving licence renewal", "Wednesday 2 December 2026", "Continue",
        "Full name", "Email", "Mobile phone", "Book the appointment",
        "Check your email", "Confirm", "Confirmed", "Your appointment is confirmed", "Your appointment",
        "Change the time", "Move to this time", "The appointment has moved", "Cancel the appointment", "Yes, cancel it", "Cancelled",
        "There is a problem", "has just been booked by someone else", "Page not found");
}
