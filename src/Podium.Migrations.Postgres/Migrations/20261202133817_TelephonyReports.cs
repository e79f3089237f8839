using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Podium.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TelephonyReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgentReport",
                table: "TaskAttempts",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TelephonyReport",
                table: "TaskAttempts",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgentReport",
                table: "TaskAttempts");

            migrationBuilder.DropColumn(
                name: "TelephonyReport",
                table: "TaskAttempts");
        }
    }
}
