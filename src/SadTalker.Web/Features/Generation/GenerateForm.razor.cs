using System.Text.Json;
using Microsoft.AspNetCore.Components;
using SadTalker.Inference.Engines;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Generation.References;

namespace SadTalker.Web.Features.Generation;

/// <summary>Choose portrait, audio, engine and options, then queue a job; refusals are shown with their reason.</summary>
public partial class GenerateForm
{
    [Inject]
    private GenerationQueries Queries { get; set; } = default!;

    [Inject]
    private GenerationEngines Engines { get; set; } = default!;

    [Inject]
    private SubmitGeneration Submit { get; set; } = default!;

    [Inject]
    private ConsentGate Gate { get; set; } = default!;

    [Inject]
    private TeamWatermark Watermark { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid TeamId { get; set; }

    [Parameter, EditorRequired]
    public string UserId { get; set; } = "";

    [Parameter]
    public Guid? InitialPortraitId { get; set; }

    private IReadOnlyList<GenerationQueries.PortraitChoice> _portraits = [];
    private IReadOnlyList<GenerationQueries.AudioChoice> _audio = [];
    private readonly GenerateFormModel _settings = new();
    private readonly ReferenceVideoChoice _references = new();
    private string _portraitId = "";
    private string _audioId = "";
    private string _engineId = "";
    private ConsentDecision? _consent;
    private bool _watermarkRequired;
    private bool _busy;
    private string? _error;
    private string? _queued;
    private Guid _loadedTeam;

    private GenerationQueries.PortraitChoice? SelectedPortrait => _portraits.FirstOrDefault(p => p.Id.ToString() == _portraitId);

    private ITalkingHeadEngine? Engine => Engines.Find(_engineId);

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedTeam == TeamId)
        {
            return;
        }

        _loadedTeam = TeamId;
        (_portraits, _audio) = await Queries.ChoicesAsync(UserId, TeamId);
        var team = await Watermark.GetAsync(TeamId);
        (_settings.WatermarkText, _settings.WatermarkPosition) = (team.Text, team.Position);
        _watermarkRequired = await Watermark.IsRequiredAsync();
        _engineId = Engines.All.FirstOrDefault(e => e.CheckAvailability().IsAvailable)?.Id ?? Engines.All.FirstOrDefault()?.Id ?? "";
        (_portraitId, _audioId, _consent) = ("", "", null);
        if (InitialPortraitId is { } initial && _portraits.Any(p => p.Id == initial))
        {
            _portraitId = initial.ToString();
            await CheckConsentAsync();
        }
    }

    private async Task OnPortraitAsync(ChangeEventArgs e)
    {
        _portraitId = e.Value as string ?? "";
        await CheckConsentAsync();
    }

    private async Task OnUseAsync(ChangeEventArgs e)
    {
        _settings.Use = Enum.TryParse<PermittedUse>(e.Value as string, out var use) ? use : PermittedUse.Internal;
        await CheckConsentAsync();
    }

    private async Task CheckConsentAsync() =>
        _consent = Guid.TryParse(_portraitId, out var id) ? await Gate.CheckAsync(id, _settings.Use, CancellationToken.None) : null;

    private async Task OnPortraitUploadedAsync(JsonElement item)
    {
        (_portraits, _audio) = await Queries.ChoicesAsync(UserId, TeamId);
        _portraitId = item.GetProperty("id").GetString() ?? "";
        await CheckConsentAsync();
    }

    private async Task OnAudioUploadedAsync(JsonElement item)
    {
        (_portraits, _audio) = await Queries.ChoicesAsync(UserId, TeamId);
        _audioId = item.GetProperty("id").GetString() ?? "";
    }

    private async Task SubmitAsync()
    {
        (_error, _queued) = (null, null);
        if (!Guid.TryParse(_portraitId, out var portrait) || !Guid.TryParse(_audioId, out var clip))
        {
            _error = "Choose a portrait and an audio clip first.";
            return;
        }

        JobSettings settings;
        try
        {
            settings = _settings.ToSettings();
        }
        catch (FormatException ex)
        {
            _error = ex.Message;
            return;
        }

        _busy = true;
        try
        {
            // Reference videos are offered only for engines that take them; hidden picks are not sent.
            var references = Engine?.Capabilities.ReferenceVideos == true ? _references.ToUploads() : null;
            var result = await Submit.HandleAsync(new(UserId, TeamId, portrait, clip, _engineId, settings, _settings.Use, null, references));
            if (result.Succeeded)
            {
                _queued = result.Value!.Warning is { } warning ? $"Queued, with a warning: {warning}" : "Queued: the job is in the list below.";
            }
            else
            {
                _error = $"Not generated: {result.Message}";
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
