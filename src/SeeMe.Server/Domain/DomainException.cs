namespace SeeMe.Server.Domain;

/// <summary>What went wrong, in the domain's words; Http/ErrorMiddleware.cs gives each kind its status.</summary>
public enum DomainError
{
    /// <summary>The thing asked for does not exist, or the caller may not see it.</summary>
    NotFound,

    /// <summary>The request asks for something the rules do not allow as sent (a wrong field, a bad file).</summary>
    Invalid,

    /// <summary>The caller sees the thing but may not change it.</summary>
    NotAllowed,

    /// <summary>The username and password (or key) do not match a user.</summary>
    BadCredentials,

    /// <summary>The request is fine, but the model version cannot run it (no model file, shapes that do not fit).</summary>
    ModelCannotRun,
}

/// <summary>A client mistake or refusal, said in domain words; its message is what the client reads.</summary>
public sealed class DomainException(DomainError error, string message) : Exception(message)
{
    public DomainError Error { get; } = error;

    public static DomainException NotFound(string what, string id) => NotFound($"{what} '{id}' was not found.");
    public static DomainException NotFound(string message) => new(DomainError.NotFound, message);
    public static DomainException Invalid(string message) => new(DomainError.Invalid, message);
    public static DomainException NotAllowed(string message) => new(DomainError.NotAllowed, message);
    public static DomainException BadCredentials(string message) => new(DomainError.BadCredentials, message);
    public static DomainException ModelCannotRun(string message) => new(DomainError.ModelCannotRun, message);
}
