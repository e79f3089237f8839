using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Podium.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TelephonyAndCollections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskAttempts_OrganizationId_StartedAt",
                table: "TaskAttempts");

            migrationBuilder.AddColumn<string>(
                name: "Disposition",
                table: "Tasks",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SuccessScore",
                table: "Tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BillingPeriod",
                table: "TaskAttempts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BridgeId",
                table: "TaskAttempts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CallId",
                table: "TaskAttempts",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CallerNumber",
                table: "TaskAttempts",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "TaskAttempts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BridgeId",
                table: "Agents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Bridges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bridges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bridges_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SpaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Data = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Documents_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Documents_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderConfigurations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AccountSid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProtectedSecrets = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    SecretNames = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BaseUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SipUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MetaJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderConfigurations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderConfigurations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DocumentLabels",
                columns: table => new
                {
                    DocumentRowId = table.Column<long>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SpaceId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentLabels", x => new { x.DocumentRowId, x.Label });
                    table.ForeignKey(
                        name: "FK_DocumentLabels_Documents_DocumentRowId",
                        column: x => x.DocumentRowId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PhoneNumbers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProviderConfigurationId = table.Column<int>(type: "INTEGER", nullable: false),
                    BridgeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChannelsCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneNumbers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhoneNumbers_Bridges_BridgeId",
                        column: x => x.BridgeId,
                        principalTable: "Bridges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PhoneNumbers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PhoneNumbers_ProviderConfigurations_ProviderConfigurationId",
                        column: x => x.ProviderConfigurationId,
                        principalTable: "ProviderConfigurations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskAttempts_BridgeId",
                table: "TaskAttempts",
                column: "BridgeId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAttempts_OrganizationId_BillingPeriod",
                table: "TaskAttempts",
                columns: new[] { "OrganizationId", "BillingPeriod" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskAttempts_OrganizationId_StartedAt_Id",
                table: "TaskAttempts",
                columns: new[] { "OrganizationId", "StartedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Agents_BridgeId",
                table: "Agents",
                column: "BridgeId");

            migrationBuilder.CreateIndex(
                name: "IX_Bridges_OrganizationId_Slug",
                table: "Bridges",
                columns: new[] { "OrganizationId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentLabels_SpaceId_Label_DocumentRowId",
                table: "DocumentLabels",
                columns: new[] { "SpaceId", "Label", "DocumentRowId" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_OrganizationId_SpaceId_Id",
                table: "Documents",
                columns: new[] { "OrganizationId", "SpaceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_SpaceId_DocumentId",
                table: "Documents",
                columns: new[] { "SpaceId", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_SpaceId_Phone",
                table: "Documents",
                columns: new[] { "SpaceId", "Phone" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_BridgeId",
                table: "PhoneNumbers",
                column: "BridgeId");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_OrganizationId_BridgeId_Id",
                table: "PhoneNumbers",
                columns: new[] { "OrganizationId", "BridgeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_OrganizationId_Number",
                table: "PhoneNumbers",
                columns: new[] { "OrganizationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_ProviderConfigurationId",
                table: "PhoneNumbers",
                column: "ProviderConfigurationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderConfigurations_OrganizationId_Name",
                table: "ProviderConfigurations",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProviderConfigurations_OrganizationId_Provider_AccountSid",
                table: "ProviderConfigurations",
                columns: new[] { "OrganizationId", "Provider", "AccountSid" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Agents_Bridges_BridgeId",
                table: "Agents",
                column: "BridgeId",
                principalTable: "Bridges",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_TaskAttempts_Bridges_BridgeId",
                table: "TaskAttempts",
                column: "BridgeId",
                principalTable: "Bridges",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Agents_Bridges_BridgeId",
                table: "Agents");

            migrationBuilder.DropForeignKey(
                name: "FK_TaskAttempts_Bridges_BridgeId",
                table: "TaskAttempts");

            migrationBuilder.DropTable(
                name: "DocumentLabels");

            migrationBuilder.DropTable(
                name: "PhoneNumbers");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "Bridges");

            migrationBuilder.DropTable(
                name: "ProviderConfigurations");

            migrationBuilder.DropIndex(
                name: "IX_TaskAttempts_BridgeId",
                table: "TaskAttempts");

            migrationBuilder.DropIndex(
                name: "IX_TaskAttempts_OrganizationId_BillingPeriod",
                table: "TaskAttempts");

            migrationBuilder.DropIndex(
                name: "IX_TaskAttempts_OrganizationId_StartedAt_Id",
                table: "TaskAttempts");

            migrationBuilder.DropIndex(
                name: "IX_Agents_BridgeId",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "Disposition",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "SuccessScore",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "BillingPeriod",
                table: "TaskAttempts");

            migrationBuilder.DropColumn(
                name: "BridgeId",
                table: "TaskAttempts");

            migrationBuilder.DropColumn(
                name: "CallId",
                table: "TaskAttempts");

            migrationBuilder.DropColumn(
                name: "CallerNumber",
                table: "TaskAttempts");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "TaskAttempts");

            migrationBuilder.DropColumn(
                name: "BridgeId",
                table: "Agents");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAttempts_OrganizationId_StartedAt",
                table: "TaskAttempts",
                columns: new[] { "OrganizationId", "StartedAt" });
        }
    }
}
