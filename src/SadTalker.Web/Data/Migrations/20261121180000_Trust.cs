using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SadTalker.Web.Data.Migrations
{
    /// <summary>Hand-written: each generated video's watermark payload (looked up by /verify) and its signed provenance sidecar blob.</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261121180000_Trust")]
    public partial class Trust : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(name: "WatermarkPayloadHex", table: "GenerationJobs", type: "TEXT", maxLength: 16, nullable: true);
            migrationBuilder.AddColumn<string>(name: "ProvenanceSha256", table: "GenerationJobs", type: "TEXT", maxLength: 64, nullable: true);
            migrationBuilder.CreateIndex(name: "IX_GenerationJobs_WatermarkPayloadHex", table: "GenerationJobs", column: "WatermarkPayloadHex");
            migrationBuilder.CreateIndex(name: "IX_GenerationJobs_ProvenanceSha256", table: "GenerationJobs", column: "ProvenanceSha256");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_GenerationJobs_ProvenanceSha256", table: "GenerationJobs");
            migrationBuilder.DropIndex(name: "IX_GenerationJobs_WatermarkPayloadHex", table: "GenerationJobs");
            migrationBuilder.DropColumn(name: "ProvenanceSha256", table: "GenerationJobs");
            migrationBuilder.DropColumn(name: "WatermarkPayloadHex", table: "GenerationJobs");
        }
    }
}
