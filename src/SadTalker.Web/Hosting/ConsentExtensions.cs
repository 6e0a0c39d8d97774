using SadTalker.Web.Features.Audit;
using SadTalker.Web.Features.Consent;

namespace SadTalker.Web.Hosting;

public static class ConsentExtensions
{
    /// <summary>Consent records, evidence, their review and expiry, the gate generation calls, and the audit log with its pages.</summary>
    public static void AddConsent(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new PdfPreview());
        builder.Services.AddSingleton<EvidenceIntake>();
        builder.Services.AddSingleton<ConsentGate>();
        builder.Services.AddSingleton<SubmitConsent>();
        builder.Services.AddSingleton<ConsentQueries>();
        builder.Services.AddScoped<ReviewConsent>();
        builder.Services.AddSingleton<ConsentAccess>();
        builder.Services.AddSingleton<ConsentDetails>();
        builder.Services.AddSingleton<ReviewQueue>();
        builder.Services.AddSingleton<ConsentChanges>();
        builder.Services.AddSingleton<ExpireConsent>();
        builder.Services.AddHostedService<ConsentExpiryService>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ClientAddress>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<AuditQueries>();
    }
}
