using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using SadTalker.Web.Features.Audit;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Trust;

/// <summary>/verify: a signed-in user uploads a video and sees the watermark and provenance verdict, with the job detail their role allows.</summary>
public partial class VerifyPage
{
    [Inject]
    private VerifyVideo Verify { get; set; } = default!;

    [Inject]
    private BlobStore Blobs { get; set; } = default!;

    [Inject]
    private ClientAddress Client { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IBrowserFile? _file;
    private bool _busy;
    private string? _error;
    private VerifyReport? _report;

    private void OnFileChanged(InputFileChangeEventArgs e)
    {
        (_file, _error, _report) = (e.File, null, null);
        if (_file.Size > VerifyVideo.MaxBytes)
        {
            (_file, _error) = (null, $"{e.File.Name} is {e.File.Size / (1024 * 1024)} MB; videos to verify are limited to {VerifyVideo.MaxBytes / (1024 * 1024)} MB.");
        }
    }

    private async Task VerifyAsync()
    {
        if (_file is null)
        {
            return;
        }

        (_busy, _error, _report) = (true, null, null);
        var temp = Blobs.CreateTempFile(".video");
        try
        {
            await using (var target = File.OpenWrite(temp))
            {
                await using var source = _file.OpenReadStream(VerifyVideo.MaxBytes);
                await source.CopyToAsync(target);
            }

            var user = (await AuthState).User;
            var result = await Verify.HandleAsync(new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.IsInRole(Data.Roles.Admin), temp, Client.Ip), default);
            _report = result.Value;
            _error = result.Succeeded ? null : result.Message;
        }
        catch (IOException ex)
        {
            _error = $"The upload did not complete: {ex.Message}";
        }
        finally
        {
            // HandleAsync deletes it; this covers an upload that failed before the check.
            File.Delete(temp);
            _busy = false;
        }
    }

    private static string Title(string verdict) => verdict switch
    {
        VerifyVerdicts.Authentic => "Authentic",
        VerifyVerdicts.WatermarkOnly => "Made here, record missing",
        VerifyVerdicts.SignatureInvalid => "Signature invalid",
        VerifyVerdicts.VideoChanged => "Video changed",
        VerifyVerdicts.UnknownKey => "Unknown key",
        VerifyVerdicts.UnknownJob => "Job unknown",
        _ => "No watermark, no record",
    };
}
