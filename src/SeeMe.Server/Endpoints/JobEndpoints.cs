using System.Text.Json.Nodes;
using SeeMe.Server.Domain;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>jobs CRUD. The service trains from these; the local server only stores them. Each user sees only their own jobs.</summary>
public static class JobEndpoints
{
    private static readonly string[] JobTypes = ["training", "validation", "conversion"];
    private static readonly string[] Statuses = ["waiting", "started", "finished", "error"];
    private static readonly string[] ItemKeys = ["name", "value", "value_type", "label", "default_value"];

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

    // The SDK always sends applicationId, status and jobType; an empty value means no filter.
    private static IResult List(HttpContext context, Store store)
    {
        var query = context.Request.Query;
        var applicationId = query["applicationId"].ToString();
        var jobType = query["jobType"].ToString();
        var statuses = query["status"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var status in statuses) CheckIn("status", status, Statuses);
        if (jobType.Length > 0) CheckIn("jobType", jobType, JobTypes);
        return Reply.List(store.ListOwnedBy(Kinds.Job, context.Caller().Id)
            .Where(j => applicationId.Length == 0 || j.Str("application_id") == applicationId)
            .Where(j => jobType.Length == 0 || j.Str("job_type") == jobType)
            .Where(j => statuses.Length == 0 || statuses.Contains(j.Str("status"))));
    }

    private static async Task<IResult> Create(HttpContext context, Store store)
    {
        var body = await context.Request.ReadEntityAsync(Kinds.Job);
        var job = Entities.ApplyClientFields(Entities.Create(Kinds.Job), body);
        job["user_id"] = context.Caller().Id;
        if (job.Str("status").Length == 0) job["status"] = "waiting";
        Validate(store, job);
        store.Put(Kinds.Job, job);
        return Reply.Json(job);
    }

    private static async Task<IResult> Update(HttpContext context, string id, Store store)
    {
        var job = Own(store, context.Caller(), id);
        var body = await context.Request.ReadEntityAsync(Kinds.Job);
        Entities.ApplyClientFields(job, body);
        Validate(store, job);
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
        CheckIn("job_type", job.Str("job_type"), JobTypes);
        CheckIn("status", job.Str("status"), Statuses);
        var applicationId = job.Str("application_id");
        if (applicationId.Length > 0 && ApplicationCatalogue.Find(store, applicationId) is null)
            throw ApiException.BadRequest($"Application '{applicationId}' does not exist; GET applications lists the valid ids.");
        job["items"] = NormalizeItems(job["items"]!.AsArray());
    }

    // Every item carries all five keys as strings, as the SDK expects.
    private static JsonArray NormalizeItems(JsonArray items) => new(items.Select(node =>
    {
        if (node is not JsonObject item) throw ApiException.BadRequest("Each job item must be an object {name, value, value_type, label, default_value}.");
        var normalized = new JsonObject();
        foreach (var key in ItemKeys)
            normalized[key] = item[key] switch
            {
                null => "",
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                var other => other.ToJsonString(),
            };
        return (JsonNode)normalized;
    }).ToArray());

    private static void CheckIn(string field, string value, string[] allowed)
    {
        if (!allowed.Contains(value)) throw ApiException.BadRequest($"'{field}' must be one of {string.Join(", ", allowed)}, not '{value}'.");
    }
}
