namespace SadTalker.Web.Features.Audit;

/// <summary>
/// The client's IP for the current scope, stored with attestations and audit rows. Interactive components have no
/// HttpContext, so the address of the request that started the page is handed to the circuit as a root component
/// parameter (see Routes.razor) and kept here for the circuit's lifetime.
/// </summary>
public sealed class ClientAddress(IHttpContextAccessor accessor)
{
    private string? _ip;

    public string? Ip
    {
        get => _ip ?? accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        set => _ip ??= value;
    }
}
