using Microsoft.Extensions.DependencyInjection;

namespace Rantevou.Core.Documents;

public static class DocumentsSetup
{
    /// <summary>R10: documents uploaded with bookings; limits from Rantevou:Documents.</summary>
    public static IServiceCollection AddRantevouDocuments(this IServiceCollection services)
    {
        services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DocumentStore>();
        services.AddScoped<DocumentService>();
        services.AddScoped<DocumentChecklist>();
        return services;
    }
}
