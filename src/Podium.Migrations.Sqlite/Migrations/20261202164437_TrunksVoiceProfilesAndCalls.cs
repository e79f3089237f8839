using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Podium.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TrunksVoiceProfilesAndCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FromNumber",
                table: "Tasks",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HangupRequestedAt",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SipTrunkId",
                table: "PhoneNumbers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SipTrunks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    Transport = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Port = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthUsername = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProtectedPassword = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AllowedIps = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SipTrunks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SipTrunks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoiceProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfileId = table.Column<string>(type: "TEXT", maxLength: 34, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    TtsProvider = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TtsVoice = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TtsModel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TtsLanguage = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    SttProvider = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SttModel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SttLanguages = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Greeting = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VoicePrompt = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    VoiceSpeed = table.Column<double>(type: "REAL", nullable: true),
                    VoiceTemperature = table.Column<double>(type: "REAL", nullable: true),
                    Quality = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CostPerMinuteMicros = table.Column<long>(type: "INTEGER", nullable: true),
                    LatencyMs = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoiceProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoiceProfiles_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_SipTrunkId",
                table: "PhoneNumbers",
                column: "SipTrunkId");

            migrationBuilder.CreateIndex(
                name: "IX_SipTrunks_OrganizationId_Name",
                table: "SipTrunks",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoiceProfiles_OrganizationId_Name",
                table: "VoiceProfiles",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoiceProfiles_ProfileId",
                table: "VoiceProfiles",
                column: "ProfileId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_PhoneNumbers_SipTrunks_SipTrunkId",
                table: "PhoneNumbers",
                column: "SipTrunkId",
                principalTable: "SipTrunks",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PhoneNumbers_SipTrunks_SipTrunkId",
                table: "PhoneNumbers");

            migrationBuilder.DropTable(
                name: "SipTrunks");

            migrationBuilder.DropTable(
                name: "VoiceProfiles");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_SipTrunkId",
                table: "PhoneNumbers");

            migrationBuilder.DropColumn(
                name: "FromNumber",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "HangupRequestedAt",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "SipTrunkId",
                table: "PhoneNumbers");
        }
    }
}
