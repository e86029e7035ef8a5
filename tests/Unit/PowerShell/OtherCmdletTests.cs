using System.Management.Automation;
using SeeMe.Core.Entities;
using SeeMe.PowerShell;
using SeeMe.Tests.Infrastructure;
using Job = SeeMe.Core.Entities.Job;

namespace SeeMe.Tests.PowerShell;

/// <summary>Applications, shares, jobs, registration and the local server cmdlets.</summary>
public sealed class OtherCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private PowerShellHost Connected() => PowerShellHost.ConnectedTo(server);

    [Fact]
    public void Applications_filter_and_the_five_criteria_find_one_or_fail_clearly()
    {
        using var ps = Connected();
        var images = ps.Run("Get-SeeMeApplication -ApplicationType image_classification").OfType<Application>();
        Assert.NotEmpty(images);
        Assert.All(images, a => Assert.Equal("image_classification", a.ApplicationType));

        var any = images[0];
        var found = ps.Run("Get-SeeMeApplication -ApplicationType $args[0] -Framework $args[1] -FrameworkVersion $args[2] -BaseFramework $args[3] -BaseFrameworkVersion ($args[4] + '+cu118')",
            any.ApplicationType, any.Framework, any.FrameworkVersion, any.BaseFramework, any.BaseFrameworkVersion);
        Assert.Empty(found.Errors);
        Assert.Equal(any.Id, Assert.Single(found.OfType<Application>()).Id);

        var none = ps.Run("Get-SeeMeApplication -ApplicationType image_classification -Framework nothing -FrameworkVersion 1 -BaseFramework none -BaseFrameworkVersion 1");
        var error = Assert.Single(none.Errors);
        Assert.StartsWith("ApplicationNotSupported", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.NotImplemented, error.CategoryInfo.Category);
    }

    [Fact]
    public void New_model_picks_its_application_from_the_five_criteria()
    {
        using var ps = Connected();
        var app = ps.Run("Get-SeeMeApplication -ApplicationType text_classification").OfType<Application>()[0];
        var result = ps.Run("New-SeeMeModel -Name $args[0] -ApplicationType $args[1] -Framework $args[2] -FrameworkVersion $args[3] -BaseFramework $args[4] -BaseFrameworkVersion $args[5]",
            Unique("Text"), app.ApplicationType, app.Framework, app.FrameworkVersion, app.BaseFramework, app.BaseFrameworkVersion);
        Assert.Empty(result.Errors);
        var model = Assert.Single(result.OfType<Model>());
        Assert.Equal(app.Id, model.ApplicationId);
        Assert.Equal("text_classification", model.ApplicationType);
    }

    [Fact]
    public async Task Shares_are_added_listed_and_removed()
    {
        using var ps = Connected();
        var (other, email) = await server.NewUserAsync();
        using var _ = other;
        var model = Assert.Single(ps.Run("New-SeeMeModel -Name $args[0]", Unique("Shared")).OfType<Model>());

        var added = ps.Run("Get-SeeMeModel -Id $args[0] | Add-SeeMeShare -Email $args[1]", model.Id, email);
        Assert.Empty(added.Errors);
        var share = Assert.Single(added.OfType<Share>());
        Assert.Equal(email, share.Email);
        Assert.True(share.WithoutInvite);
        Assert.Contains(await other.Models.GetAllAsync(), m => m.Id == model.Id && m.SharedWithMe);

        Assert.Single(ps.Run("Get-SeeMeShare -Model $args[0]", model.Id).OfType<Share>());
        var whatIf = ps.Run("Get-SeeMeShare -Model $args[0] | Remove-SeeMeShare -WhatIf", model.Id);
        Assert.Empty(whatIf.Errors);
        Assert.Contains(await other.Models.GetAllAsync(), m => m.Id == model.Id);

        var removed = ps.Run("Remove-SeeMeShare -Model $args[0] -Email $args[1] -Confirm:$false", model.Id, email);
        Assert.Empty(removed.Errors);
        Assert.DoesNotContain(await other.Models.GetAllAsync(), m => m.Id == model.Id);
        Assert.StartsWith("ShareNotFound", Assert.Single(ps.Run("Remove-SeeMeShare -Model $args[0] -Email $args[1] -Confirm:$false", model.Id, email).Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public async Task Send_invite_asks_for_the_invitation_and_WhatIf_says_so()
    {
        using var ps = Connected();
        var (other, email) = await server.NewUserAsync();
        using var _ = other;
        var model = Assert.Single(ps.Run("New-SeeMeModel -Name $args[0]", Unique("Invite")).OfType<Model>());

        var whatIf = ps.Run("Add-SeeMeShare -Model $args[0] -Email $args[1] -SendInvite -WhatIf", model.Id, email);
        Assert.Empty(whatIf.Errors);
        Assert.Empty(await other.Models.GetAllAsync());

        var invited = ps.Run("Add-SeeMeShare -Model $args[0] -Email $args[1] -SendInvite", model.Id, email);
        Assert.Empty(invited.Errors);
        Assert.False(Assert.Single(invited.OfType<Share>()).WithoutInvite);
    }

    [Fact]
    public async Task Dataset_shares_can_be_added_but_not_listed_or_removed_and_the_help_says_why()
    {
        using var ps = Connected();
        var (other, email) = await server.NewUserAsync();
        using var _ = other;
        var dataset = Assert.Single(ps.Run("New-SeeMeDataset -Name $args[0]", Unique("SharedData")).OfType<Dataset>());
        var share = Assert.Single(ps.Run("Add-SeeMeShare -Dataset $args[0] -Email $args[1]", dataset.Id, email).OfType<Share>());
        Assert.Equal("datasets", share.EntityType);
        Assert.True(share.WithoutInvite);

        foreach (var command in new[] { "Get-SeeMeShare -Dataset $args[0]", "Remove-SeeMeShare -Dataset $args[0] -Email x@example.test -Confirm:$false" })
        {
            var error = Assert.Single(ps.Run(command, dataset.Id).Errors);
            Assert.StartsWith("NamedParameterNotFound", error.FullyQualifiedErrorId);
        }
        var piped = ps.Run("$args[0] | Remove-SeeMeShare -Confirm:$false", share);
        var refused = Assert.Single(piped.Errors);
        Assert.StartsWith("ShareNotSupported", refused.FullyQualifiedErrorId);
        Assert.Contains("web application", refused.Exception.Message);
        Assert.Contains(await other.Datasets.GetAllAsync(), d => d.Id == dataset.Id);

        foreach (var cmdlet in new[] { "Get-SeeMeShare", "Remove-SeeMeShare" })
            Assert.Contains("shares of models only", string.Join(" ", ps.Run($"(Get-Help {cmdlet} -Full).description.Text").Objects));
    }

    [Fact]
    public void New_jobs_carry_a_status_and_complete_typed_items()
    {
        using var ps = Connected();
        var created = ps.Run("New-SeeMeJob -Name $args[0] -JobType training -Setting ([ordered]@{ epochs = 5; lr = 0.5; augment = $true; arch = 'resnet' })", Unique("Job"));
        Assert.Empty(created.Errors);
        var job = Assert.Single(created.OfType<Job>());
        Assert.Equal("waiting", job.Status);
        Assert.Equal(["epochs", "lr", "augment", "arch"], job.Items.Select(i => i.Label));
        Assert.Equal(["int", "float", "boolean", "text"], job.Items.Select(i => i.ValueType));
        Assert.Equal([5L, 0.5, true, "resnet"], job.Items.Select(i => i.Value));

        var started = ps.Run("New-SeeMeJob -Name $args[0] -JobType conversion -Status started", Unique("Job"));
        Assert.Equal("started", Assert.Single(started.OfType<Job>()).Status);
        Assert.StartsWith("ParameterArgumentValidationError", Assert.Single(ps.Run("New-SeeMeJob -Name x -JobType training -Status paused").Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Get_job_lists_training_jobs_of_every_status_unless_narrowed()
    {
        using var ps = Connected();
        var ids = new Dictionary<string, string>();
        foreach (var (status, type) in new[] { ("waiting", "training"), ("finished", "training"), ("error", "training"), ("waiting", "conversion") })
            ids[status + type] = Assert.Single(ps.Run("New-SeeMeJob -Name $args[0] -JobType $args[1] -Status $args[2]", Unique("Job"), type, status).OfType<Job>()).Id;

        List<string> Listed(string arguments) => ps.Run("Get-SeeMeJob " + arguments).OfType<Job>().Select(j => j.Id).Where(ids.ContainsValue).ToList();
        Assert.Equal([ids["waitingtraining"], ids["finishedtraining"], ids["errortraining"]], Listed(""));
        Assert.Equal([ids["finishedtraining"], ids["errortraining"]], Listed("-Status finished, error"));
        Assert.Equal([ids["waitingconversion"]], Listed("-JobType conversion"));
        Assert.Equal([ids["waitingconversion"]], Listed("-JobType conversion -Status waiting"));
    }

    [Fact]
    public void Jobs_are_created_listed_changed_and_removed()
    {
        using var ps = Connected();
        var name = Unique("Job");
        var created = ps.Run("New-SeeMeJob -Name $args[0] -JobType training -Setting @{ epochs = 5 }", name);
        Assert.Empty(created.Errors);
        var job = Assert.Single(created.OfType<Job>());
        Assert.Equal(5L, Assert.Single(job.Items).Value);

        Assert.Contains(ps.Run("Get-SeeMeJob -JobType training").OfType<Job>(), j => j.Id == job.Id);
        var set = ps.Run("Get-SeeMeJob -Id $args[0] | Set-SeeMeJob -Status started -StatusMessage 'epoch 1' -PassThru", job.Id);
        Assert.Empty(set.Errors);
        Assert.Equal("started", Assert.Single(set.OfType<Job>()).Status);

        var removed = ps.Run("Get-SeeMeJob -Id $args[0] | Remove-SeeMeJob -Confirm:$false; Get-SeeMeJob -Id $args[0]", job.Id);
        Assert.StartsWith("JobNotFound", Assert.Single(removed.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Register_creates_a_user_without_showing_the_password()
    {
        using var ps = new PowerShellHost();
        var name = Unique("user");
        var result = ps.Run("Register-SeeMeUser -Username $args[0] -Email ($args[0] + '@example.test') -Password $args[1] -FirstName Ada -Name Lovelace -BaseUri $args[2] -Verbose",
            name, PowerShellHost.Secure("correct horse battery"), server.BaseUri);
        Assert.Empty(result.Errors);
        Assert.Equal(name, Assert.Single(result.OfType<User>()).Username);
        Assert.DoesNotContain("correct horse battery", result.AllText());

        var again = ps.Run("Register-SeeMeUser -Username $args[0] -Email ($args[0] + '@example.test') -Password $args[1] -BaseUri $args[2]",
            name, PowerShellHost.Secure("correct horse battery"), server.BaseUri);
        Assert.StartsWith("User", Assert.Single(again.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Start_SeeMeLocalServer_pipes_into_Connect_and_Stop_ends_it()
    {
        using var ps = new PowerShellHost();
        var serverDll = Path.Combine(PowerShellHost.ModuleDirectory, "SeeMe.Server.dll");
        var dataPath = Path.Combine(Path.GetTempPath(), "seeme-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var result = ps.Run("""
                $server = Start-SeeMeLocalServer -ServerPath $args[0] -DataPath $args[1] -TimeoutSeconds 60
                $server
                $server | Connect-SeeMe
                @(Get-SeeMeApplication).Count -gt 0
                """, serverDll, dataPath);
            Assert.Empty(result.Errors);
            var started = Assert.Single(result.OfType<SeeMeLocalServer>());
            Assert.Single(result.OfType<SeeMe.PowerShell.SeeMeSession>());
            Assert.Equal("local", started.Username);
            Assert.Contains(true, result.Objects);
            Assert.DoesNotContain(PlainKey(started), result.AllText());
            Assert.True(started.IsRunning);

            var stopped = ps.Run("Stop-SeeMeLocalServer");
            Assert.Empty(stopped.Errors);
            Assert.False(started.IsRunning);
        }
        finally
        {
            ps.Run("Stop-SeeMeLocalServer");
            try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        }
    }

    private static string PlainKey(SeeMeLocalServer server) => new System.Net.NetworkCredential("", server.ApiKey).Password;
}
