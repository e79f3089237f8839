using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Podium.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CallProviders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProviderCallId",
                table: "TaskAttempts",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProviderConfigurationId",
                table: "TaskAttempts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "CallsPerSecond",
                table: "ProviderConfigurations",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxConcurrentCalls",
                table: "ProviderConfigurations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskAttempts_ProviderConfigurationId_FinishedAt_StartedAt",
                table: "TaskAttempts",
                columns: new[] { "ProviderConfigurationId", "FinishedAt", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskAttempts_ProviderConfigurationId_ProviderCallId",
                table: "TaskAttempts",
                columns: new[] { "ProviderConfigurationId", "ProviderCallId" });

            migrationBuilder.AddForeignKey(
                name: "FK_TaskAttempts_ProviderConfigurations_ProviderConfigurationId",
                table: "TaskAttempts",
                column: "ProviderConfigurationId",
                principalTable: "ProviderConfigurations",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TaskAttempts_ProviderConfigurations_ProviderConfigurationId",
                table: "TaskAttempts");

            migrationBuilder.DropIndex(
                name: "IX_TaskAttempts_ProviderConfigurationId_FinishedAt_StartedAt",
                table: "TaskAttempts");

            migrationBuilder.DropIndex(
                name: "IX_TaskAttempts_ProviderConfigurationId_ProviderCallId",
                table: "TaskAttempts");

            migrationBuilder.DropColumn(
                name: "ProviderCallId",
                table: "TaskAttempts");

            migrationBuilder.DropColumn(
                name: "ProviderConfigurationId",
                table: "TaskAttempts");

            migrationBuilder.DropColumn(
                name: "CallsPerSecond",
                table: "ProviderConfigurations");

            migrationBuilder.DropColumn(
                name: "MaxConcurrentCalls",
                table: "ProviderConfigurations");
        }
    }
}
