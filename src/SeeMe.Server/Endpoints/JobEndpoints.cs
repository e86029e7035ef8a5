using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using SeeMe.Server.Domain;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// jobs CRUD. The service trains from these; the local server only stores them. Each user sees
/// only their own jobs. As strict as the SDK's models: a job needs its status and job type, every
/// item its name, value, value type and label; nothing the client leaves out is filled in.
/// </summary>
public static class JobEndpoints
{
    private static readonly string[] JobTypes = ["training", "validation", "conversion"];
    private static readonly string[] Statuses = ["waiting", "started", "finished", "error"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("jobs", List);
        api.MapPost("jobs", Create);
        var job = api.MapGroup("jobs/{jobId}");
        job.MapGet("", ([AsParameters] JobRequest r) => Reply.Json(r.Own()));
        job.MapPut("", Update);
        job.MapDelete("", Delete);
    }

    // The SDK always sends status (a comma list) and jobType; only applicationId may be empty (no filter).
    private static IResult List([AsParameters] JobListRequest r)
    {
        var applicationId = r.ApplicationId ?? "";
        var statuses = Required(r.Status ?? "", "status", "the statuses to list, e.g. status=waiting,started,finished,error")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var jobType = Required(r.JobType ?? "", "jobType", "the job type to list, e.g. jobType=training");
        foreach (var status in statuses) CheckIn("status", status, Statuses);
        CheckIn("jobType", jobType, JobTypes);
        return Reply.List(r.Store.ListOwnedBy(Kinds.Job, r.Caller.Id)
            .Where(j => applicationId.Length == 0 || j.Str("application_id") == applicationId)
            .Where(j => j.Str("job_type") == jobType)
            .Where(j => statuses.Contains(j.Str("status"))));
    }

    private static async Task<IResult> Create([AsParameters] ApiRequest r)
    {
        var body = await r.Request.ReadEntityAsync(Kinds.Job);
        var job = Entities.ApplyClientFields(Entities.Create(Kinds.Job), body, "items");
        job["user_id"] = r.Caller.Id;
        Validate(r.Store, job);
        job["items"] = JobItems.FromClient(body["items"], job.Str("id"), []);
        r.Store.Put(Kinds.Job, job);
        return Reply.Json(job);
    }

    private static async Task<IResult> Update([AsParameters] JobRequest r)
    {
        var job = r.Own();
        var body = await r.Request.ReadEntityAsync(Kinds.Job);
        var before = job["items"]!.AsArray();
        Entities.ApplyClientFields(job, body, "items");
        Validate(r.Store, job);
        if (body["items"] is not null) job["items"] = JobItems.FromClient(body["items"], r.JobId, before);
        r.Store.Put(Kinds.Job, Entities.Touch(job));
        return Reply.Json(job);
    }

    private static IResult Delete([AsParameters] JobRequest r)
    {
        var job = r.Own();
        r.Store.Delete(Kinds.Job, r.JobId);
        return Reply.Json(job);
    }

    private static void Validate(Store store, JsonObject job)
    {
        CheckIn("job_type", Required(job.Str("job_type"), "job_type", "training, validation or conversion"), JobTypes);
        CheckIn("status", Required(job.Str("status"), "status", "a new job is usually \"waiting\""), Statuses);
        var applicationId = job.Str("application_id");
        if (applicationId.Length > 0 && ApplicationCatalogue.Find(store, applicationId) is null)
            throw ApiException.BadRequest($"Application '{applicationId}' does not exist; GET applications lists the valid ids.");
    }

    private static string Required(string value, string field, string hint) =>
        value.Length > 0 ? value : throw ApiException.BadRequest($"'{field}' is required: {hint}.");

    private static void CheckIn(string field, string value, string[] allowed)
    {
        if (!allowed.Contains(value)) throw ApiException.BadRequest($"'{field}' must be one of {string.Join(", ", allowed)}, not '{value}'.");
    }
}

/// <summary>What every handler under jobs/{jobId} takes: the job id, and the job when it is the caller's.</summary>
public sealed class JobRequest : ApiRequest
{
    [FromRoute] public string JobId { get; init; } = "";

    /// <summary>The caller's job (404 for another user's, as for one that does not exist).</summary>
    public JsonObject Own()
    {
        var job = Store.Get(Kinds.Job, JobId);
        return job is not null && job.Str("user_id") == Caller.Id ? job : throw ApiException.NotFound("Job", JobId);
    }
}

/// <summary>The SDK's filters of GET jobs.</summary>
public sealed class JobListRequest : ApiRequest
{
    [FromQuery] public string? ApplicationId { get; init; }
    [FromQuery] public string? Status { get; init; }
    [FromQuery] public string? JobType { get; init; }
}
