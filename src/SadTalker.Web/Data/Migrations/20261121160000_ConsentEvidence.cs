using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SadTalker.Web.Data.Migrations
{
    /// <summary>Hand-written: evidence files of consent records (rows point at blobs by content hash).</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261121160000_ConsentEvidence")]
    public partial class ConsentEvidence : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsentEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsentRecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ByteCount = table.Column<long>(type: "INTEGER", nullable: false),
                    PreviewSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentEvidence", x => x.Id);
                    table.ForeignKey("FK_ConsentEvidence_ConsentRecords_ConsentRecordId", x => x.ConsentRecordId, "ConsentRecords", "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(name: "IX_ConsentEvidence_ConsentRecordId", table: "ConsentEvidence", column: "ConsentRecordId");
            migrationBuilder.CreateIndex(name: "IX_ConsentEvidence_Sha256", table: "ConsentEvidence", column: "Sha256");
        }

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "ConsentEvidence");
    }
}
