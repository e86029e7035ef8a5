using System.Text.Json.Nodes;
using SeeMe.Server.Inference;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

public sealed class ApplicationApiTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private async Task<JsonArray> ApplicationsAsync()
    {
        using var http = server.RawClient();
        return (await http.GetAsync("applications").OkJson()).AsArray();
    }

    [Fact]
    public async Task Every_application_holds_every_key_the_wire_contract_lists()
    {
        var apps = await ApplicationsAsync();
        Assert.NotEmpty(apps);
        EntityWireShape.AssertAll("Application", apps);
    }

    [Theory]
    [InlineData("image_classification")]
    [InlineData("object_detection")]
    [InlineData("text_classification")]
    [InlineData("structured")]
    public async Task There_is_one_onnx_application_per_kind(string kind)
    {
        var onnx = (await ApplicationsAsync()).Where(a => (string)a["framework"] == "onnx" && (string)a["application"] == kind).ToList();
        var app = Assert.Single(onnx);
        Assert.Equal("onnx", (string)app["base_framework"]);
        Assert.Equal("onnx", (string)app["inference_extensions"]);
    }

    [Fact]
    public async Task The_local_onnx_applications_are_exactly_the_types_the_engine_runs()
    {
        var local = (await ApplicationsAsync()).Where(a => (string)a["framework"] == "onnx").Select(a => (string)a["application"]).Order();
        Assert.Equal(OnnxInferenceEngine.ApplicationTypes.Order(), local);
    }

    [Theory]
    [InlineData("fastai", "image_classification")]
    [InlineData("fastai", "text_classification")]
    [InlineData("fastai", "structured")]
    [InlineData("darknet", "object_detection")]
    public async Task The_service_frameworks_are_in_the_catalogue(string framework, string kind)
    {
        Assert.Contains(await ApplicationsAsync(), a => (string)a["framework"] == framework && (string)a["application"] == kind);
    }

    [Fact]
    public async Task Seeding_again_after_a_restart_adds_nothing()
    {
        var before = (await ApplicationsAsync()).Select(a => (string)a["id"]).ToList();
        await server.RestartAsync();
        var after = (await ApplicationsAsync()).Select(a => (string)a["id"]).ToList();
        Assert.Equal(before, after);
        Assert.Equal(before.Count, before.Distinct().Count());
    }
}
