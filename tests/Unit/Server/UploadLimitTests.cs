using SeeMe.Core.Exceptions;
using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

/// <summary>A server that accepts at most 1 MiB per upload.</summary>
public sealed class SmallUploadServerFixture : IAsyncLifetime
{
    public LocalServerFixture Server { get; } = new() { MaxUploadBytes = 1024 * 1024 };
    public Task InitializeAsync() => Server.InitializeAsync();
    public Task DisposeAsync() => Server.DisposeAsync();
}

public sealed class UploadLimitTests(SmallUploadServerFixture fixture) : IClassFixture<SmallUploadServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task An_oversized_upload_gets_413_with_a_message_and_changes_nothing()
    {
        var server = fixture.Server;
        using var client = server.SeedUser();
        var model = await client.Models.CreateAsync(new Model { Name = CoreClients.Unique("limit") });
        var big = _files.Bytes("big.onnx", new byte[3 * 1024 * 1024]);

        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Models.UploadFileAsync(model.Id, big));

        Assert.Equal(413, e.StatusCode);
        Assert.Contains("larger than this server accepts", e.ServerMessage);
        var after = await client.Models.GetAsync(model.Id);
        Assert.False(after.HasOnnxModel);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(server.DataDirectory, "tmp")));
    }

    [Fact]
    public async Task An_upload_under_the_limit_still_works()
    {
        using var client = fixture.Server.SeedUser();
        var model = await client.Models.CreateAsync(new Model { Name = CoreClients.Unique("limit") });
        var version = await client.Models.UploadFileAsync(model.Id, _files.Bytes("small.pkl", new byte[512 * 1024]));
        Assert.True(version.HasMlModel);
    }
}
