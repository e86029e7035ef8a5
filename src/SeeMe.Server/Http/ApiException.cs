namespace SeeMe.Server.Http;

/// <summary>A client mistake or refusal: answered with <see cref="Status"/> and a JSON <c>message</c>.</summary>
public sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiException NotFound(string what, string id) => new(404, $"{what} '{id}' was not found.");
    public static ApiException BadRequest(string message) => new(400, message);
    public static ApiException Forbidden(string message) => new(403, message);
}
