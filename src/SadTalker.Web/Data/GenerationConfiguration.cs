using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SadTalker.Web.Data;

internal sealed class GenerationJobConfiguration : IEntityTypeConfiguration<GenerationJob>
{
    public void Configure(EntityTypeBuilder<GenerationJob> e)
    {
        e.Property(j => j.Id).ValueGeneratedNever();
        e.Ignore(j => j.BlobHashes);
        e.Property(j => j.CreatedByUserId).HasMaxLength(450);
        e.Property(j => j.PortraitName).HasMaxLength(200);
        e.Property(j => j.AudioName).HasMaxLength(200);
        e.Property(j => j.EngineId).HasMaxLength(64);
        e.Property(j => j.OptionsJson).HasMaxLength(4000);
        e.Property(j => j.Warning).HasMaxLength(500);
        e.Property(j => j.Stage).HasMaxLength(64);
        e.Property(j => j.TimingsJson).HasMaxLength(2000);
        e.Property(j => j.Error).HasMaxLength(2000);
        e.Property(j => j.VideoSha256).HasMaxLength(64);
        e.Property(j => j.ThumbnailSha256).HasMaxLength(64);
        e.Property(j => j.EngineVersion).HasMaxLength(64);
        e.Property(j => j.ModelVersions).HasMaxLength(1000);
        e.Property(j => j.WatermarkPayloadHex).HasMaxLength(16);
        e.Property(j => j.ProvenanceSha256).HasMaxLength(64);
        e.Property(j => j.RefEyeblinkSha256).HasMaxLength(64);
        e.Property(j => j.RefEyeblinkName).HasMaxLength(200);
        e.Property(j => j.RefPoseSha256).HasMaxLength(64);
        e.Property(j => j.RefPoseName).HasMaxLength(200);
        e.Property(j => j.LogJson).HasMaxLength(Features.Generation.JobLog.MaxJsonLength);
        e.HasOne<Team>().WithMany().HasForeignKey(j => j.TeamId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(j => new { j.TeamId, j.CreatedUtc });
        e.HasIndex(j => new { j.State, j.QueuedUtc });
        e.HasIndex(j => j.PortraitId);
        e.HasIndex(j => j.AudioClipId);
        e.HasIndex(j => j.VideoSha256);
        e.HasIndex(j => j.ThumbnailSha256);
        e.HasIndex(j => j.WatermarkPayloadHex);
        e.HasIndex(j => j.ProvenanceSha256);
        e.HasIndex(j => j.RefEyeblinkSha256);
        e.HasIndex(j => j.RefPoseSha256);
    }
}

internal sealed class TeamGenerationSettingsConfiguration : IEntityTypeConfiguration<TeamGenerationSettings>
{
    public void Configure(EntityTypeBuilder<TeamGenerationSettings> e)
    {
        e.HasKey(s => s.TeamId);
        e.Property(s => s.WatermarkText).HasMaxLength(TeamGenerationSettings.MaxWatermarkLength);
        e.Property(s => s.UpdatedByUserId).HasMaxLength(450);
        e.HasOne<Team>().WithOne().HasForeignKey<TeamGenerationSettings>(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
