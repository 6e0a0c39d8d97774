using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SadTalker.Web.Data;

internal sealed class PortraitConfiguration : IEntityTypeConfiguration<Portrait>
{
    public void Configure(EntityTypeBuilder<Portrait> e)
    {
        LibraryItemConfiguration.Configure(e);
        e.Property(p => p.OriginalFormat).HasMaxLength(16);
        e.Property(p => p.ImageSha256).HasMaxLength(64);
        e.Property(p => p.ThumbnailSha256).HasMaxLength(64);
        e.Property(p => p.FaceVerdict).HasMaxLength(32);
        e.Property(p => p.FaceMessage).HasMaxLength(500);
        e.Property(p => p.FaceKeypointsJson).HasMaxLength(1000);
    }
}

internal sealed class AudioClipConfiguration : IEntityTypeConfiguration<AudioClip>
{
    public void Configure(EntityTypeBuilder<AudioClip> e)
    {
        LibraryItemConfiguration.Configure(e);
        e.Property(a => a.PcmSha256).HasMaxLength(64);
        e.Property(a => a.PlaybackSha256).HasMaxLength(64);
        e.Property(a => a.WaveformSha256).HasMaxLength(64);
        e.Property(a => a.Codec).HasMaxLength(64);
        e.Property(a => a.Container).HasMaxLength(64);
    }
}

/// <summary>What portraits and audio clips share: listed per team, newest first or by name; both paths are indexed.</summary>
internal static class LibraryItemConfiguration
{
    public static void Configure<T>(EntityTypeBuilder<T> e)
        where T : class, ILibraryItem
    {
        e.HasKey(i => i.Id);
        e.Ignore(i => i.BlobHashes);
        e.Property(i => i.Name).HasMaxLength(200);
        e.Property(i => i.Tags).HasMaxLength(1000);
        e.Property<string>("CreatedByUserId").HasMaxLength(450);
        e.Property<string>("OriginalFileName").HasMaxLength(200);
        e.Property<string>("OriginalSha256").HasMaxLength(64);
        e.HasOne<Team>().WithMany().HasForeignKey(i => i.TeamId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex("TeamId", "CreatedUtc");
        e.HasIndex("TeamId", "Name");
    }
}
