namespace Podium.Server.Http;

/// <summary>
/// What a list endpoint reads with: the page asked for, the space or agent its route named (resolved and
/// checked by the organization filter), and the tenant's database. Bound with <c>[AsParameters]</c>.
/// </summary>
public sealed record ListScope(Paging Paging, RouteResource Resource, PodiumDb Db);
