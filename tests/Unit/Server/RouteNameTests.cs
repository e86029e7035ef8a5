using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

/// <summary>
/// One route name per id (issue 18): a route value is named by the collection it follows, the same
/// in every route (models/{modelId}, never {mid} or {id}). Read from the server's own route table.
/// </summary>
public sealed class RouteNameTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public void Every_route_value_is_named_by_the_collection_before_it()
    {
        var wrong = new List<string>();
        foreach (var pattern in Patterns())
        {
            var segments = pattern.Split('/');
            for (var i = 1; i < segments.Length; i++)
            {
                if (!segments[i].StartsWith('{')) continue;
                var name = segments[i].Trim('{', '}');
                var expected = NamesAfter(segments[i - 1], segments[0]);
                if (!expected.Contains(name)) wrong.Add($"{pattern}: {{{name}}} should be {string.Join(" or ", expected.Select(e => "{" + e + "}"))}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static string[] NamesAfter(string collection, string root) => collection switch
    {
        "models" => ["modelId"],
        "versions" => [root == "datasets" ? "datasetVersionId" : "modelVersionId"],
        "datasets" => ["datasetId"],
        "items" => ["itemId"],
        "annotations" => ["annotationId"],
        "splits" => ["splitId"],
        "labels" => ["labelId"],
        "jobs" => ["jobId"],
        "share" => ["shareId"],
        "users" => ["userId"],
        "inferences" => ["modelId", "inferenceId"], // POST predicts with a model, PUT updates an inference
        "download" => [root == "datasets" ? "splitId" : "asset"],
        "upload" => ["format"],
        _ => [],
    };

    private List<string> Patterns()
    {
        var patterns = server.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("api/v1/"))
            .Select(p => p["api/v1/".Length..].TrimEnd('/'))
            .Distinct()
            .ToList();
        Assert.Contains("datasets/{datasetId}/versions/{datasetVersionId}/items/{itemId}", patterns);
        return patterns;
    }
}
