using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Web.Features.Audit;
using SadTalker.Web.Features.Library;

namespace SadTalker.Web.Features.Consent;

/// <summary>One record for its team's members and site Admins: every field, evidence previews, history, and the review actions the viewer may take.</summary>
public partial class ConsentDetailPage
{
    private ConsentDetail? _detail;
    private string _userId = "";
    private string? _reason;
    private string? _message;
    private bool _failed;
    private bool _busy;

    [Parameter]
    public Guid Id { get; set; }

    [SupplyParameterFromQuery(Name = "submitted")]
    public bool Submitted { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private ConsentDetails Details { get; set; } = default!;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    private ClientAddress Client { get; set; } = default!;

    [Inject]
    private ConsentChanges Changes { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _userId = (await AuthState).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (Submitted)
        {
            (_failed, _message) = (false, "Submitted. The record is pending until a site Admin reviews it.");
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _detail = (await Details.GetAsync(_userId, Id)).Value;
        if (_detail is null)
        {
            Navigation.NotFound();
        }
    }

    private async Task ReviewAsync(ConsentAction action)
    {
        _busy = true;
        try
        {
            // ReviewConsent is scoped (UserManager); one scope per action keeps its DbContext short-lived.
            await using var scope = Scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ReviewConsent>()
                .HandleAsync(new ReviewConsent.Request(_userId, Id, action, _reason, Client.Ip));
            (_failed, _message) = result.Succeeded
                ? (false, $"The record is now {result.Value}.")
                : (true, result.Message ?? "The review could not be saved.");
            if (result.Succeeded)
            {
                _reason = null;
                await Changes.NotifyAsync();
            }

            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
