namespace Rantevou.Core.LiveDay;

/// <summary>R6: who may go before the ticket order (chosen at the kiosk or by staff).</summary>
public enum WalkInPriority
{
    None,
    Disability,
    Pregnancy,
    Elderly,
}

public enum TicketStatus
{
    Waiting,
    Called,
    Served,
    NoShow,
    /// <summary>Still waiting when the office closed.</summary>
    Closed,
}

/// <summary>R6: a walk-in ticket from the kiosk, served in gaps between appointments or after them.</summary>
public sealed class WalkInTicket
{
    public Guid Id { get; set; }

    /// <summary>Public, unguessable code for the ticket's live page (its QR); no personal data.</summary>
    public required string Code { get; set; }

    public int OfficeId { get; set; }

    /// <summary>The office's local date the ticket belongs to.</summary>
    public DateOnly Day { get; set; }

    /// <summary>Ticket number of the day, 1, 2, 3 … as printed and shown on the display.</summary>
    public int Number { get; set; }

    public int ServiceId { get; set; }
    public int DurationMinutes { get; set; }
    public WalkInPriority Priority { get; set; }
    public TicketStatus Status { get; set; }
    public DateTime IssuedUtc { get; set; }

    /// <summary>R13: service was interrupted for a due appointment; the ticket goes back to the front of the queue.</summary>
    public bool Interrupted { get; set; }

    public DateTime? CalledUtc { get; set; }
    public int? CalledDeskId { get; set; }

    /// <summary>The staff account that called the ticket (last call), kept for the office's per-clerk statistics.</summary>
    public string? CalledByUserId { get; set; }
    public DateTime? DoneUtc { get; set; }
    public int Version { get; set; }

    /// <summary>How the ticket is shown: a letter for priority tickets, then the number (Π = προτεραιότητα).</summary>
    public string Label => Priority == WalkInPriority.None ? $"{Number:000}" : $"Π{Number:000}";
}
