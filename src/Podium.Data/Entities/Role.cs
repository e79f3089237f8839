namespace Podium.Data.Entities;

/// <summary>Ordered from least to most privileged, so roles compare with &lt; and &gt;=.</summary>
public enum Role
{
    Viewer = 1,
    Member = 2,
    Admin = 3,
}
