namespace Podium.Server.Features.Members;

public sealed record MemberDto(int Id, string Email, string FullName, Role Role, DateTime Created);

public sealed record AddMemberRequest(string Email, Role Role = Role.Member) : IValidatable
{
    public void Validate(ValidationErrors errors) => Rules.Email(errors, "email", Email);
}

public sealed record UpdateMemberRequest(Role Role);
