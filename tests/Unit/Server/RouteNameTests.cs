using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

/// <summary>
/// One route name per id and one endpoint style (issue 18): a route value is named by the collection it follows, the
/// same in every route (models/{modelId}, never {mid} or {id}), and every handler takes its route values, query and
/// services through one [AsParameters] object, never as loose parameters. Read from the server's own route table.
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

    [Fact]
    public void Every_handler_takes_one_AsParameters_object()
    {
        var handlers = Endpoints().Select(e => (Route: e.DisplayName, Handler: e.Metadata.GetMetadata<MethodInfo>())).ToList();
        Assert.All(handlers, h => Assert.NotNull(h.Handler));
        var loose = handlers
            .Where(h => h.Handler!.GetParameters() is not [{ } only] || only.GetCustomAttribute<AsParametersAttribute>() is null)
            .Select(h => $"{h.Route}: ({string.Join(", ", h.Handler!.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name))})")
            .ToList();
        Assert.True(loose.Count == 0, "These handlers take loose parameters; give each one [AsParameters] request object:\n" + string.Join("\n", loose));
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

    private List<RouteEndpoint> Endpoints() =>
        server.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/v1/"))
            .ToList();

    private List<string> Patterns()
    {
        var patterns = Endpoints()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/')["api/v1/".Length..].TrimEnd('/'))
            .Distinct()
            .ToList();
        Assert.Contains("datasets/{datasetId}/versions/{datasetVersionId}/items/{itemId}", patterns);
        return patterns;
    }
}
