using SeeMe.Core.Clients;
using SeeMe.Core.Exceptions;
using SeeMe.Core.Entities;
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
            Name = CoreClients.Unique("job"), JobType = JobTypes.Training, Status = JobStatuses.Waiting, ApplicationId = app.Id,
            Items = { JobItem.For("epochs", 5), JobItem.For("lr", 0.001), JobItem.For("augment", true), JobItem.For("arch", "resnet34") },
        });
        Assert.Equal("waiting", job.Status);
        Assert.Equal(["epochs", "lr", "augment", "arch"], job.Items.Select(i => i.Name));
        Assert.Equal(["int", "float", "boolean", "text"], job.Items.Select(i => i.ValueType));
        Assert.Equal([5L, 0.001, true, "resnet34"], job.Items.Select(i => i.Value));
        Assert.All(job.Items, i => Assert.Equal(job.Id, i.JobId));

        Assert.Contains(await client.Jobs.GetAllAsync(app.Id, new[] { "waiting", "started" }, "training"), j => j.Id == job.Id);
        Assert.DoesNotContain(await client.Jobs.GetAllAsync(null, new[] { "finished" }, null), j => j.Id == job.Id);
        Assert.DoesNotContain(await client.Jobs.GetAllAsync(null, null, "conversion"), j => j.Id == job.Id);
        Assert.Contains(await client.Jobs.GetAllAsync(), j => j.Id == job.Id);

        // The update sends the items back whole: they keep their ids.
        var itemIds = job.Items.Select(i => i.Id).ToList();
        job.Status = "started";
        var updated = await client.Jobs.UpdateAsync(job);
        Assert.Equal("started", updated.Status);
        Assert.Equal(itemIds, updated.Items.Select(i => i.Id));
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
            Assert.True(share.WithoutInvite);
            Assert.Equal(share.Id, Assert.Single(await owner.Shares.GetModelSharesAsync(model.Id)).Id);
            await owner.Shares.DeleteModelShareAsync(model.Id, share.Id);
            Assert.Empty(await owner.Shares.GetModelSharesAsync(model.Id));

            model.Public = true;
            await owner.Models.UpdateAsync(model);
            var publicModel = await other.Models.GetAsync(model.Id);
            Assert.True(publicModel.Public);
            Assert.False(publicModel.SharedWithMe);
        }
    }
}
