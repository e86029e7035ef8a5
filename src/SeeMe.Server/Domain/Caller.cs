namespace SeeMe.Server.Domain;

/// <summary>The caller of a request, from the <c>Authorization: username:apikey</c> header.</summary>
public sealed record Caller(string Id, string Username, string Email);
