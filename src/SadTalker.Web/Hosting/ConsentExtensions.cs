using SadTalker.Web.Features.Consent;

namespace SadTalker.Web.Hosting;

public static class ConsentExtensions
{
    /// <summary>Consent records, their review, the gate generation calls, and the audit log they write.</summary>
    public static void AddConsent(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConsentGate>();
        builder.Services.AddSingleton<SubmitConsent>();
        builder.Services.AddSingleton<ConsentQueries>();
        builder.Services.AddScoped<ReviewConsent>();
    }
}
