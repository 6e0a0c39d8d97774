using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SadTalker.Web.Data.Migrations
{
    /// <summary>Hand-written: consent records with their attestations, and the append-only audit log.</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261121150000_Consent")]
    public partial class Consent : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DetailJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));

            migrationBuilder.CreateTable(
                name: "ConsentRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PortraitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NotRealPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Relationship = table.Column<int>(type: "INTEGER", nullable: false),
                    RelationshipOther = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Uses = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RevokedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RevokedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                    table.ForeignKey("FK_ConsentRecords_Portraits_PortraitId", x => x.PortraitId, "Portraits", "Id", onDelete: ReferentialAction.Cascade);
                    table.ForeignKey("FK_ConsentRecords_Teams_TeamId", x => x.TeamId, "Teams", "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentAttestations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsentRecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WordingVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Wording = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AttestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentAttestations", x => x.Id);
                    table.ForeignKey("FK_ConsentAttestations_ConsentRecords_ConsentRecordId", x => x.ConsentRecordId, "ConsentRecords", "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(name: "IX_AuditEntries_TimeUtc", table: "AuditEntries", column: "TimeUtc");
            migrationBuilder.CreateIndex(name: "IX_AuditEntries_TeamId_TimeUtc", table: "AuditEntries", columns: ["TeamId", "TimeUtc"]);
            migrationBuilder.CreateIndex(name: "IX_ConsentRecords_TeamId_State", table: "ConsentRecords", columns: ["TeamId", "State"]);
            migrationBuilder.CreateIndex(name: "IX_ConsentRecords_PortraitId", table: "ConsentRecords", column: "PortraitId");
            migrationBuilder.CreateIndex(name: "IX_ConsentAttestations_ConsentRecordId", table: "ConsentAttestations", column: "ConsentRecordId");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "ConsentAttestations");
            migrationBuilder.DropTable(name: "ConsentRecords");
            migrationBuilder.DropTable(name: "AuditEntries");
        }
    }
}
