using System.Text.Json.Nodes;
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
        api.MapGet("jobs/{id}", (HttpContext context, string id, Store store) => Reply.Json(Own(store, context.Caller(), id)));
        api.MapPut("jobs/{id}", Update);
        api.MapDelete("jobs/{id}", (HttpContext context, string id, Store store) =>
        {
            var job = Own(store, context.Caller(), id);
            store.Delete(Kinds.Job, id);
            return Reply.Json(job);
        });
    }

    // The SDK always sends status (a comma list) and jobType; only applicationId may be empty (no filter).
    private static IResult List(HttpContext context, Store store)
    {
        var query = context.Request.Query;
        var applicationId = query["applicationId"].ToString();
        var statuses = Required(query["status"].ToString(), "status", "the statuses to list, e.g. status=waiting,started,finished,error")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var jobType = Required(query["jobType"].ToString(), "jobType", "the job type to list, e.g. jobType=training");
        foreach (var status in statuses) CheckIn("status", status, Statuses);
        CheckIn("jobType", jobType, JobTypes);
        return Reply.List(store.ListOwnedBy(Kinds.Job, context.Caller().Id)
            .Where(j => applicationId.Length == 0 || j.Str("application_id") == applicationId)
            .Where(j => j.Str("job_type") == jobType)
            .Where(j => statuses.Contains(j.Str("status"))));
    }

    private static async Task<IResult> Create(HttpContext context, Store store)
    {
        var body = await context.Request.ReadEntityAsync(Kinds.Job);
        var job = Entities.ApplyClientFields(Entities.Create(Kinds.Job), body, "items");
        job["user_id"] = context.Caller().Id;
        Validate(store, job);
        job["items"] = JobItems.FromClient(body["items"], job.Str("id"), []);
        store.Put(Kinds.Job, job);
        return Reply.Json(job);
    }

    private static async Task<IResult> Update(HttpContext context, string id, Store store)
    {
        var job = Own(store, context.Caller(), id);
        var body = await context.Request.ReadEntityAsync(Kinds.Job);
        var before = job["items"]!.AsArray();
        Entities.ApplyClientFields(job, body, "items");
        Validate(store, job);
        if (body["items"] is not null) job["items"] = JobItems.FromClient(body["items"], id, before);
        store.Put(Kinds.Job, Entities.Touch(job));
        return Reply.Json(job);
    }

    private static JsonObject Own(Store store, Caller caller, string id)
    {
        var job = store.Get(Kinds.Job, id);
        return job is not null && job.Str("user_id") == caller.Id ? job : throw ApiException.NotFound("Job", id);
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
