namespace Podium.Server.Features.Users;

public sealed record UserDto(int Id, string Email, string FullName, DateTime Created);

public sealed record CreateUserRequest(string Email, string FullName) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        Rules.Email(errors, "email", Email);
        errors.MaxLength("full_name", FullName, 200);
    }
}

/// <summary>Users are made by operators (admin commands) and by the first-run demo.</summary>
public static class CreateUser
{
    public static readonly ApiError EmailTaken = Api.Conflict("A user with this email already exists.");

    public static async Task<Outcome<User>> RunAsync(PodiumDb db, CreateUserRequest request, DateTime now, CancellationToken ct)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.Email == email, ct)) return EmailTaken;
        var user = new User { Email = email, FullName = request.FullName.Trim(), CreatedAt = now };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return EmailTaken;
        }
        return user;
    }
}
