using System.Text.Json.Nodes;
using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>List, create, get, update and delete of one kind of child under datasets/{datasetId}/versions/{datasetVersionId}/.</summary>
public static class VersionChildEndpoints
{
    /// <summary>
    /// Maps the list and create of <paramref name="rules"/>'s children, and returns the group of one child
    /// (<paramref name="idRoute"/>), where the caller maps <see cref="Get"/>, <see cref="Update"/> and
    /// <see cref="Delete"/> with its own request type (a generic handler would be one [AsParameters] type
    /// for both kinds, but ASP.NET Core's route handler analyzer fails on a type parameter).
    /// </summary>
    public static RouteGroupBuilder Map(RouteGroupBuilder version, VersionChildRules rules, string idRoute)
    {
        var children = version.MapGroup(rules.Route);
        children.MapGet("", ([AsParameters] VersionRequest r) => ListAll(rules, r.ForReading()));
        children.MapPost("", async ([AsParameters] VersionRequest r) => Create(rules, r.ForWriting(), await r.ReadBodyAsync()));
        return children.MapGroup(idRoute);
    }

    public static IResult Get(VersionChildRules rules, VersionChildRequest r) =>
        Reply.Json(DatasetWire.Clean(rules.Kind, rules.Find(r.ForReading(), r.ChildId)));

    public static async Task<IResult> Update(VersionChildRules rules, VersionChildRequest r) =>
        Update(rules, r.ForWriting(), r.ChildId, await r.ReadBodyAsync());

    public static IResult Delete(VersionChildRules rules, VersionChildRequest r) =>
        Delete(rules, r.ForWriting(), r.ChildId);

    private static IResult ListAll(VersionChildRules rules, VersionScope scope) =>
        Reply.Json(DatasetReplies.Array(rules.Kind, rules.List(scope)));

    private static IResult Create(VersionChildRules rules, VersionScope scope, JsonObject body)
    {
        var doc = scope.NewChild(rules.Kind);
        DatasetWire.Apply(rules.Kind, doc, body, rules.ServerOwned);
        scope.Store.InTransaction(() =>
        {
            rules.Complete(scope, doc, isNew: true);
            scope.Put(rules.Kind, doc);
        });
        return Reply.Json(DatasetWire.Clean(rules.Kind, doc));
    }

    private static IResult Update(VersionChildRules rules, VersionScope scope, string id, JsonObject body)
    {
        var doc = scope.Store.InTransaction(() =>
        {
            var current = rules.Find(scope, id);
            DatasetWire.Apply(rules.Kind, current, body, rules.ServerOwned);
            rules.Complete(scope, current, isNew: false);
            scope.Put(rules.Kind, Entities.Touch(current));
            return current;
        });
        return Reply.Json(DatasetWire.Clean(rules.Kind, doc));
    }

    private static IResult Delete(VersionChildRules rules, VersionScope scope, string id)
    {
        var cascade = new Cascade(scope.Store, scope.Files);
        var doc = scope.Store.InTransaction(() =>
        {
            var current = rules.Find(scope, id);
            rules.Delete(cascade, scope, current);
            return current;
        });
        cascade.Cleanup();
        return Reply.Json(DatasetWire.Clean(rules.Kind, doc));
    }
}
