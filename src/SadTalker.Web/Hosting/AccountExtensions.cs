using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using SadTalker.Web.Components.Account;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Accounts;

namespace SadTalker.Web.Hosting;

public static class AccountExtensions
{
    public const int MaxFailedAccessAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);
    public const int MinPasswordLength = 10;

    /// <summary>ASP.NET Core Identity on EF Core: cookies, lockout, password policy, TOTP two-factor, roles.</summary>
    public static void AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RegistrationOptions>()
            .BindConfiguration(RegistrationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<IdentityRedirectManager>();
        builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.Services.AddAuthorization();

        var requireConfirmed = builder.Configuration.GetValue<bool>($"{RegistrationOptions.Section}:{nameof(RegistrationOptions.RequireConfirmedAccount)}");
        builder.Services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = requireConfirmed;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = MinPasswordLength;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Role changes and admin locks reach open sessions within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();
        builder.Services.AddSingleton<SiteSettings>();
        builder.Services.AddScoped<RegistrationPolicy>();
        builder.Services.AddSingleton<FirstAdminBootstrapper>();
    }
}
