namespace SadTalker.Web.Features.Library;

/// <summary>An uploaded file already streamed to a server-named temp file, with the optional form fields.</summary>
/// <param name="TempFile">Server-named file under the blob store's temp folder; the use case always removes it.</param>
/// <param name="ClientFileName">The name the browser sent, used only (sanitized) for display.</param>
public sealed record UploadRequest(string UserId, Guid TeamId, string TempFile, string? ClientFileName, string? Name, string? Tags);
