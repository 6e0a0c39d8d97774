using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SadTalker.Web.Data.Migrations
{
    /// <summary>Hand-written: team media library (portraits and audio clips) referencing content-addressed blobs.</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261121140000_Library")]
    public partial class Library : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Portraits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OriginalFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OriginalFormat = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OriginalSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImageSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ThumbnailSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    ByteCount = table.Column<long>(type: "INTEGER", nullable: false),
                    FaceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FaceVerdict = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FaceMessage = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FaceX = table.Column<float>(type: "REAL", nullable: true),
                    FaceY = table.Column<float>(type: "REAL", nullable: true),
                    FaceWidth = table.Column<float>(type: "REAL", nullable: true),
                    FaceHeight = table.Column<float>(type: "REAL", nullable: true),
                    FaceScore = table.Column<float>(type: "REAL", nullable: true),
                    FaceKeypointsJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Portraits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Portraits_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AudioClips",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OriginalFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OriginalSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PcmSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PlaybackSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WaveformSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: false),
                    SampleRate = table.Column<int>(type: "INTEGER", nullable: false),
                    Channels = table.Column<int>(type: "INTEGER", nullable: false),
                    Codec = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Container = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ByteCount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AudioClips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AudioClips_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(name: "IX_Portraits_TeamId_CreatedUtc", table: "Portraits", columns: ["TeamId", "CreatedUtc"]);
            migrationBuilder.CreateIndex(name: "IX_Portraits_TeamId_Name", table: "Portraits", columns: ["TeamId", "Name"]);
            migrationBuilder.CreateIndex(name: "IX_AudioClips_TeamId_CreatedUtc", table: "AudioClips", columns: ["TeamId", "CreatedUtc"]);
            migrationBuilder.CreateIndex(name: "IX_AudioClips_TeamId_Name", table: "AudioClips", columns: ["TeamId", "Name"]);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "Portraits");
            migrationBuilder.DropTable(name: "AudioClips");
        }
    }
}
