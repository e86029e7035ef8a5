using SeeMe.Core.Clients;
using SeeMe.Core.Exceptions;
using SeeMe.Core.Models;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Core;

public sealed class JobAndShareClientTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public async Task Jobs_crud_and_filters()
    {
        using var client = server.SeedUser();
        var app = (await client.Applications.GetAllAsync())[0];
        var job = await client.Jobs.CreateAsync(new Job
        {
            Name = CoreClients.Unique("job"), JobType = "training", ApplicationId = app.Id,
            Items = { new JobItem { Name = "epochs", Value = "5", ValueType = "int" } },
        });
        Assert.Equal("waiting", job.Status);
        Assert.Equal("epochs", Assert.Single(job.Items).Name);

        Assert.Contains(await client.Jobs.GetAllAsync(app.Id, new[] { "waiting", "started" }, "training"), j => j.Id == job.Id);
        Assert.DoesNotContain(await client.Jobs.GetAllAsync(null, new[] { "finished" }, null), j => j.Id == job.Id);
        Assert.Contains(await client.Jobs.GetAllAsync(), j => j.Id == job.Id);

        job.Status = "started";
        Assert.Equal("started", (await client.Jobs.UpdateAsync(job)).Status);
        Assert.Equal(job.Id, (await client.Jobs.GetAsync(job.Id)).Id);
        Assert.Equal(job.Id, (await client.Jobs.DeleteAsync(job.Id)).Id);
        Assert.True((await Assert.ThrowsAsync<SeeMeApiException>(() => client.Jobs.GetAsync(job.Id))).IsNotFound);
    }

    [Fact]
    public async Task Models_are_private_until_shared_or_made_public()
    {
        using var owner = server.SeedUser();
        var model = await owner.Models.CreateAsync(new Model { Name = CoreClients.Unique("shared") });
        var (other, email) = await server.NewUserAsync();
        using (other)
        {
            Assert.True((await Assert.ThrowsAsync<SeeMeApiException>(() => other.Models.GetAsync(model.Id))).IsNotFound);

            var share = await owner.Shares.ShareAsync(ShareTarget.Model, model.Id, email);
            Assert.Equal(model.Id, share.EntityId);
            var seen = (await other.Models.GetAllAsync()).Single(m => m.Id == model.Id);
            Assert.True(seen.SharedWithMe);
            Assert.True((await Assert.ThrowsAsync<SeeMeApiException>(() => other.Models.DeleteAsync(model.Id))).IsForbidden);
            await owner.Shares.DeleteAsync(ShareTarget.Model, model.Id, share.Id);

            model.Public = true;
            await owner.Models.UpdateAsync(model);
            var publicModel = await other.Models.GetAsync(model.Id);
            Assert.True(publicModel.Public);
            Assert.False(publicModel.SharedWithMe);
        }
    }
}
