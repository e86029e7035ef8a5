using Microsoft.AspNetCore.Mvc;
using SeeMe.Server.Domain;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// What every handler takes (bound with [AsParameters]): the request, its caller, the store and the files. A handler
/// of a top-level collection (GET and POST models, datasets, jobs, applications; register, login) takes it as it is;
/// every other handler takes an object derived from it that adds its route values and query (<see cref="ModelRequest"/>,
/// <see cref="DatasetRequest"/>, <see cref="VersionRequest"/>, ...).
/// </summary>
public class ApiRequest
{
    public HttpContext Context { get; init; } = null!;
    [FromServices] public Store Store { get; init; } = null!;
    [FromServices] public FileStore Files { get; init; } = null!;

    public HttpRequest Request => Context.Request;

    /// <summary>The authenticated caller (not for register and login, which have none).</summary>
    public Caller Caller => Context.Caller();
}
