using SadTalker.Inference.Imaging;

namespace SadTalker.Web.Features.Consent;

/// <summary>
/// Renders a PDF's first page to PNG with poppler's <c>pdftoppm</c> (Debian poppler-utils) when it is installed;
/// without it evidence PDFs are still accepted and offered as downloads only.
/// </summary>
public sealed class PdfPreview(string executable = "pdftoppm")
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Lazy<bool> _available = new(() => OnPath(executable));

    public bool IsAvailable => _available.Value;

    /// <summary>Writes <c>preview.png</c> into <paramref name="workDir"/>; null when the renderer is not installed.</summary>
    /// <exception cref="MediaToolException">pdftoppm could not read the file (damaged or password-protected).</exception>
    public async Task<string?> RenderFirstPageAsync(string pdfPath, string workDir, CancellationToken ct)
    {
        if (!IsAvailable)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        // No output root: pdftoppm writes the single page to stdout; the size bound keeps huge page boxes cheap.
        var result = await new MediaTool(executable).RunAsync(
            ["-png", "-f", "1", "-l", "1", "-scale-to", "1200", "-singlefile", Path.GetFullPath(pdfPath)], timeout.Token);
        var png = result.StandardOutput;
        if (png.Length < 8 || png[0] != 0x89 || png[1] != (byte)'P')
        {
            throw new MediaToolException("pdftoppm produced no image.", 0, result.StandardError);
        }

        var path = Path.Combine(workDir, "preview.png");
        await File.WriteAllBytesAsync(path, png, ct);
        return path;
    }

    private static bool OnPath(string name) =>
        Path.IsPathRooted(name)
            ? File.Exists(name)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Any(dir => File.Exists(Path.Combine(dir, name)));
}
