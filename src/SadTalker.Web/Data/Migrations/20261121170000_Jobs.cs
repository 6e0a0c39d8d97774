using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SadTalker.Web.Data.Migrations
{
    /// <summary>Hand-written: generation jobs with their outputs, and each team's watermark settings.</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261121170000_Jobs")]
    public partial class Jobs : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GenerationJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PortraitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PortraitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AudioClipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AudioName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EngineId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OptionsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Use = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmitConsentRecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartConsentRecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Warning = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FramesDone = table.Column<long>(type: "INTEGER", nullable: false),
                    FramesTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    Percent = table.Column<double>(type: "REAL", nullable: false),
                    TimingsJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    QueuedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    VideoSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ThumbnailSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: true),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    Fps = table.Column<double>(type: "REAL", nullable: true),
                    EngineVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ModelVersions = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GenerationJobs", x => x.Id);
                    table.ForeignKey("FK_GenerationJobs_Teams_TeamId", x => x.TeamId, "Teams", "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TeamGenerationSettings",
                columns: table => new
                {
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WatermarkText = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    WatermarkPosition = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamGenerationSettings", x => x.TeamId);
                    table.ForeignKey("FK_TeamGenerationSettings_Teams_TeamId", x => x.TeamId, "Teams", "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(name: "IX_GenerationJobs_TeamId_CreatedUtc", table: "GenerationJobs", columns: ["TeamId", "CreatedUtc"]);
            migrationBuilder.CreateIndex(name: "IX_GenerationJobs_State_QueuedUtc", table: "GenerationJobs", columns: ["State", "QueuedUtc"]);
            migrationBuilder.CreateIndex(name: "IX_GenerationJobs_PortraitId", table: "GenerationJobs", column: "PortraitId");
            migrationBuilder.CreateIndex(name: "IX_GenerationJobs_AudioClipId", table: "GenerationJobs", column: "AudioClipId");
            migrationBuilder.CreateIndex(name: "IX_GenerationJobs_VideoSha256", table: "GenerationJobs", column: "VideoSha256");
            migrationBuilder.CreateIndex(name: "IX_GenerationJobs_ThumbnailSha256", table: "GenerationJobs", column: "ThumbnailSha256");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "TeamGenerationSettings");
            migrationBuilder.DropTable(name: "GenerationJobs");
        }
    }
}
