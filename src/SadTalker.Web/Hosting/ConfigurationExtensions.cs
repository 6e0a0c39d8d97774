namespace SadTalker.Web.Hosting;

public static class ConfigurationExtensions
{
    /// <summary>Environment prefix for settings: <c>SADTALKER_Inference__Device=cpu</c> sets <c>Inference:Device</c>.</summary>
    public const string EnvironmentPrefix = "SADTALKER_";

    /// <summary>
    /// Adds <c>SADTALKER_</c>-prefixed environment variables on top of the defaults (appsettings.json,
    /// appsettings.{Environment}.json, plain environment variables with <c>__</c>, command line).
    /// </summary>
    public static void AddAppConfiguration(this IHostApplicationBuilder builder)
    {
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
    }
}
