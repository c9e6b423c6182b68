using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Rantevou.Core.Privacy;

namespace Rantevou.Web.Pages;

/// <summary>What personal data Rantevou keeps, why, who sees it and for how long (the retention job enforces the period).</summary>
public sealed class PrivacyModel(IOptions<PrivacyOptions> options) : PageModel
{
    public int RetentionDays => options.Value.RetentionDays;
    public int AuditRetentionDays => options.Value.AuditRetentionDays;
}
