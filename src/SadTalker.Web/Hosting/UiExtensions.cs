using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.Extensions.Options;
using Radzen;
using SadTalker.Web.Components;
using SadTalker.Web.Features.Admin;
using SadTalker.Web.Features.Audit;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Health;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Hosting;

public static class UiExtensions
{
    /// <summary>Interactive server components, Radzen, and the feature services pages use.</summary>
    public static void AddUi(this IHostApplicationBuilder builder)
    {
        // Serve static web assets (root wwwroot, Radzen, the extracted blazor.web.js) from their build-time locations
        // in every environment, not only Development; after publish the manifest is absent and this is a no-op.
        if (builder.Environment is IWebHostEnvironment web)
        {
            StaticWebAssetsLoader.UseStaticWebAssets(web, builder.Configuration);
        }

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddSingleton<SystemStatus>();
        builder.Services.AddScoped<UserAdministration>();

        // Keys under the data folder: sign-in cookies survive restarts and live with the rest of the installation.
        builder.Services.AddDataProtection().SetApplicationName("SadTalker.Web");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, IHostEnvironment, ILoggerFactory>((options, storage, env, logs) =>
                options.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                    CreatePrivateDirectory(Path.Combine(storage.Value.ResolveDataDir(env.ContentRootPath), "keys")), logs));
    }

    /// <summary>Creates a folder only the app's user can read (key material lives there).</summary>
    internal static DirectoryInfo CreatePrivateDirectory(string path)
    {
        var dir = OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return dir;
    }

    public static void UseAppPipeline(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
    }

    public static void MapAppEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapHealthEndpoint();
        app.MapLibraryEndpoints();
        app.MapTeamEndpoints();
        app.MapConsentEndpoints();
        app.MapAuditEndpoints();
    }
}
