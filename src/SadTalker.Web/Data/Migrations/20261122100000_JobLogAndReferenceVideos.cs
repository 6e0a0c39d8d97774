using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SadTalker.Web.Data.Migrations
{
    /// <summary>Hand-written: each job's log (timestamped lines as JSON) and its optional reference eye-blink / pose video blobs.</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261122100000_JobLogAndReferenceVideos")]
    public partial class JobLogAndReferenceVideos : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(name: "LogJson", table: "GenerationJobs", type: "TEXT", maxLength: 32000, nullable: true);
            migrationBuilder.AddColumn<string>(name: "RefEyeblinkSha256", table: "GenerationJobs", type: "TEXT", maxLength: 64, nullable: true);
            migrationBuilder.AddColumn<string>(name: "RefEyeblinkName", table: "GenerationJobs", type: "TEXT", maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<double>(name: "RefEyeblinkSeconds", table: "GenerationJobs", type: "REAL", nullable: true);
            migrationBuilder.AddColumn<string>(name: "RefPoseSha256", table: "GenerationJobs", type: "TEXT", maxLength: 64, nullable: true);
            migrationBuilder.AddColumn<string>(name: "RefPoseName", table: "GenerationJobs", type: "TEXT", maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<double>(name: "RefPoseSeconds", table: "GenerationJobs", type: "REAL", nullable: true);
            migrationBuilder.CreateIndex(name: "IX_GenerationJobs_RefEyeblinkSha256", table: "GenerationJobs", column: "RefEyeblinkSha256");
            migrationBuilder.CreateIndex(name: "IX_GenerationJobs_RefPoseSha256", table: "GenerationJobs", column: "RefPoseSha256");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_GenerationJobs_RefPoseSha256", table: "GenerationJobs");
            migrationBuilder.DropIndex(name: "IX_GenerationJobs_RefEyeblinkSha256", table: "GenerationJobs");
            migrationBuilder.DropColumn(name: "RefPoseSeconds", table: "GenerationJobs");
            migrationBuilder.DropColumn(name: "RefPoseName", table: "GenerationJobs");
            migrationBuilder.DropColumn(name: "RefPoseSha256", table: "GenerationJobs");
            migrationBuilder.DropColumn(name: "RefEyeblinkSeconds", table: "GenerationJobs");
            migrationBuilder.DropColumn(name: "RefEyeblinkName", table: "GenerationJobs");
            migrationBuilder.DropColumn(name: "RefEyeblinkSha256", table: "GenerationJobs");
            migrationBuilder.DropColumn(name: "LogJson", table: "GenerationJobs");
        }
    }
}
