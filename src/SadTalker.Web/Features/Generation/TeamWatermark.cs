using Microsoft.EntityFrameworkCore;
using SadTalker.Inference.Rendering;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Accounts;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Generation;

/// <summary>A team's visible watermark (text and corner) and the Admin's site-wide rule that it cannot be switched off.</summary>
public sealed class TeamWatermark(IDbContextFactory<AppDbContext> dbFactory, TeamAccess teams, SiteSettings site, TimeProvider clock)
{
    /// <summary>Site setting: "true" forbids videos without a visible watermark.</summary>
    public const string RequiredSetting = "Generation:RequireWatermark";

    public sealed record Value(string Text, WatermarkPosition Position);

    public async Task<bool> IsRequiredAsync(CancellationToken ct = default) =>
        !string.Equals(await site.GetAsync(RequiredSetting, ct), "false", StringComparison.OrdinalIgnoreCase);

    public async Task<Value> GetAsync(Guid teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.TeamGenerationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.TeamId == teamId, ct);
        return row is null ? new(TeamGenerationSettings.DefaultWatermarkText, WatermarkPosition.BottomRight) : new(row.WatermarkText, row.WatermarkPosition);
    }

    /// <summary>Checks a watermark text against the length limit and the site rule; null when acceptable.</summary>
    public async Task<(string Code, string Message)?> ValidateAsync(string? text, CancellationToken ct)
    {
        if (text is { Length: > TeamGenerationSettings.MaxWatermarkLength })
        {
            return ("watermark.too_long", $"The watermark text can be at most {TeamGenerationSettings.MaxWatermarkLength} characters.");
        }

        return string.IsNullOrWhiteSpace(text) && await IsRequiredAsync(ct)
            ? ("watermark.required", "An Admin requires a visible watermark on every video: enter a watermark text.")
            : null;
    }

    /// <summary>Owners change their team's watermark.</summary>
    public async Task<LibraryResult<Value>> SaveAsync(string userId, Guid teamId, string? text, WatermarkPosition position, string? ip, CancellationToken ct = default)
    {
        var role = await teams.GetRoleAsync(userId, teamId, ct);
        if (role is null)
        {
            return LibraryResult<Value>.NotFound();
        }

        if (role != TeamRole.Owner)
        {
            return LibraryResult<Value>.Forbidden("Only team Owners can change the watermark.");
        }

        if (!Enum.IsDefined(position))
        {
            return LibraryResult<Value>.Invalid("watermark.position", "Unknown watermark position.");
        }

        if (await ValidateAsync(text, ct) is { } problem)
        {
            return LibraryResult<Value>.Invalid(problem.Code, problem.Message);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.TeamGenerationSettings.FirstOrDefaultAsync(s => s.TeamId == teamId, ct);
        if (row is null)
        {
            row = new TeamGenerationSettings { TeamId = teamId };
            db.TeamGenerationSettings.Add(row);
        }

        (row.WatermarkText, row.WatermarkPosition, row.UpdatedUtc, row.UpdatedByUserId) = ((text ?? "").Trim(), position, now, userId);
        AuditLog.Add(db, now, userId, teamId, "generation.watermark.changed", teamId.ToString(), ip, new { text = row.WatermarkText, position = position.ToString() });
        await db.SaveChangesAsync(ct);
        return LibraryResult<Value>.Ok(new(row.WatermarkText, position));
    }
}
