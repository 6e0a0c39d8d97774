using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Audit;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Features.Teams;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Consent;

/// <summary>The consent form for one portrait (Editors and Owners of its team). Evidence streams over the circuit into temp files, then one submit.</summary>
public partial class ConsentSubmitPage
{
    private static readonly (ConsentRelationship Value, string Text)[] Relationships =
    [
        (ConsentRelationship.Self, "Self (I am the person in the portrait)"),
        (ConsentRelationship.Colleague, "Colleague"),
        (ConsentRelationship.LicensedTalent, "Licensed talent"),
        (ConsentRelationship.Other, "Other"),
    ];

    private readonly Form _form = new();
    private List<IBrowserFile> _files = [];
    private string _userId = "";
    private string? _portraitName;
    private string? _refusal;
    private string? _error;
    private bool _busy;

    [SupplyParameterFromQuery(Name = "portrait")]
    public Guid? Portrait { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private LibraryItems Items { get; set; } = default!;

    [Inject]
    private TeamAccess Teams { get; set; } = default!;

    [Inject]
    private SubmitConsent Submit { get; set; } = default!;

    [Inject]
    private BlobStore Blobs { get; set; } = default!;

    [Inject]
    private ClientAddress Client { get; set; } = default!;

    [Inject]
    private ConsentChanges Changes { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _userId = (await AuthState).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var item = Portrait is { } id ? await Items.GetAsync(_userId, MediaKind.Portrait, id, CancellationToken.None) : null;
        if (item is not { Succeeded: true, Value: Data.Portrait p })
        {
            _portraitName = null;
            Navigation.NotFound();
            return;
        }

        _portraitName = p.Name;
        _refusal = await Teams.GetRoleAsync(_userId, p.TeamId) < TeamRole.Editor
            ? "Viewers can read consent records but not submit them. Ask a team Owner for the Editor role."
            : null;
    }

    private void OnFilesChanged(InputFileChangeEventArgs e)
    {
        _error = null;
        _files = e.FileCount > EvidenceIntake.MaxFiles ? [] : e.GetMultipleFiles(EvidenceIntake.MaxFiles).ToList();
        if (e.FileCount > EvidenceIntake.MaxFiles)
        {
            _error = $"Attach at most {EvidenceIntake.MaxFiles} evidence _files.";
        }
        else if (_files.FirstOrDefault(f => f.Size > EvidenceIntake.MaxBytes) is { } big)
        {
            // The server checks again; saying it now saves a pointless upload.
            _error = $"{big.Name} is {Megabytes(big.Size)} MB; evidence _files are limited to {EvidenceIntake.MaxBytes / (1024 * 1024)} MB each.";
        }
    }

    private void Toggle(string key, ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            _form.Attested.Add(key);
        }
        else
        {
            _form.Attested.Remove(key);
        }
    }

    private async Task SubmitAsync()
    {
        if (_busy || Portrait is not { } portraitId)
        {
            return;
        }

        (_busy, _error) = (true, null);
        var uploads = new List<EvidenceUpload>();
        try
        {
            if (_files.FirstOrDefault(f => f.Size > EvidenceIntake.MaxBytes) is { } big)
            {
                _error = $"{big.Name} is {Megabytes(big.Size)} MB; evidence _files are limited to {EvidenceIntake.MaxBytes / (1024 * 1024)} MB each.";
                return;
            }

            foreach (var file in _files)
            {
                var temp = Blobs.CreateTempFile();
                uploads.Add(new EvidenceUpload(temp, file.Name));
                await using var target = File.OpenWrite(temp);
                await using var source = file.OpenReadStream(EvidenceIntake.MaxBytes);
                await source.CopyToAsync(target);
            }

            var result = await Submit.HandleAsync(_form.ToRequest(_userId, portraitId, Client.Ip, uploads));
            uploads.Clear();
            if (result.Succeeded)
            {
                await Changes.NotifyAsync();
                Navigation.NavigateTo($"consent/{result.Value}?submitted=true");
                return;
            }

            _error = result.Message;
        }
        catch (IOException)
        {
            _error = "An evidence file could not be read from your browser (was it changed or removed?). Nothing was saved.";
        }
        finally
        {
            // Submit removes its temp files itself; these are left only when reading failed before it ran.
            foreach (var upload in uploads)
            {
                File.Delete(upload.TempFile);
            }

            _busy = false;
        }
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class Form
    {
        public bool NotRealPerson { get; set; }

        public string? SubjectName { get; set; }

        public string? SubjectContact { get; set; }

        public ConsentRelationship Relationship { get; set; } = ConsentRelationship.Colleague;

        public string? RelationshipOther { get; set; }

        public bool Internal { get; set; }

        public bool External { get; set; }

        public bool Commercial { get; set; }

        public DateOnly? ValidFrom { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow);

        public DateOnly? ValidUntil { get; set; }

        public string? Notes { get; set; }

        public HashSet<string> Attested { get; } = [];

        public SubmitConsent.Request ToRequest(string _userId, Guid portraitId, string? ip, IReadOnlyList<EvidenceUpload> evidence) => new(
            _userId, portraitId, NotRealPerson, SubjectName, SubjectContact, Relationship, RelationshipOther,
            (Internal ? PermittedUse.Internal : 0) | (External ? PermittedUse.External : 0) | (Commercial ? PermittedUse.Commercial : 0),
            Utc(ValidFrom), Utc(ValidUntil), Notes, Attested.ToList(), ip, evidence);

        private static DateTime? Utc(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }
}
