using System.Management.Automation;
using SeeMe.Core;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

/// <summary>-Owned, -Public and -SharedWithMe of Get-SeeMeModel with two users.</summary>
public sealed class VisibilityCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public async Task Owned_public_and_shared_filters_with_a_logged_in_user()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var me = await server.RegisterUserAsync();
        var other = await server.RegisterUserAsync();
        using var mine = Client(me.Username, me.ApiKey);
        using var theirs = Client(other.Username, other.ApiKey);
        await mine.Models.CreateAsync(new Model { Name = "private-" + tag });
        await mine.Models.CreateAsync(new Model { Name = "mypublic-" + tag, Public = true });
        await theirs.Models.CreateAsync(new Model { Name = "theirpublic-" + tag, Public = true });
        var shared = await theirs.Models.CreateAsync(new Model { Name = "shared-" + tag });
        await theirs.Shares.ShareAsync(ShareTarget.Model, shared.Id, me.Email);
        await theirs.Models.CreateAsync(new Model { Name = "hidden-" + tag });

        using var ps = new PowerShellHost();
        var credential = new PSCredential(me.Username, PowerShellHost.Secure("correct horse battery"));
        Assert.Empty(ps.Run("Connect-SeeMe -BaseUri $args[0] -Credential $args[1]", server.BaseUri, credential).Errors);

        Assert.Equal(new[] { "mypublic", "private", "shared", "theirpublic" }, Names(ps, "Get-SeeMeModel -Name *-$($args[0])", tag));
        Assert.Equal(new[] { "mypublic", "private" }, Names(ps, "Get-SeeMeModel -Name *-$($args[0]) -Owned", tag));
        Assert.Equal(new[] { "mypublic", "theirpublic" }, Names(ps, "Get-SeeMeModel -Name *-$($args[0]) -Public", tag));
        Assert.Equal(new[] { "shared" }, Names(ps, "Get-SeeMeModel -Name *-$($args[0]) -SharedWithMe", tag));
        Assert.Equal(new[] { "theirpublic" }, Names(ps, "$me = $args[1]; Get-SeeMeModel -Name *-$($args[0]) | Where-Object { $_.Public -and $_.UserId -ne $me }", tag, me.Id));
    }

    private SeeMeClient Client(string username, string apiKey)
    {
        var client = new SeeMeClient(server.BaseUri);
        client.UseApiKey(username, apiKey);
        return client;
    }

    private static string[] Names(PowerShellHost ps, string script, params object[] args)
    {
        var result = ps.Run(script, args);
        Assert.Empty(result.Errors);
        return result.OfType<Model>().Select(m => m.Name.Split('-')[0]).Order().ToArray();
    }
}
