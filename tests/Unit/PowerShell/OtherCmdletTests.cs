using System.Management.Automation;
using SeeMe.Core.Models;
using SeeMe.PowerShell;
using SeeMe.Tests.Infrastructure;
using Job = SeeMe.Core.Models.Job;

namespace SeeMe.Tests.PowerShell;

/// <summary>Applications, shares, jobs, registration and the local server cmdlets.</summary>
public sealed class OtherCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private PowerShellHost Connected()
    {
        var ps = new PowerShellHost();
        Assert.Empty(ps.Connect(server).Errors);
        return ps;
    }

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
        Assert.Equal("text_classification", model.Kind);
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
        Assert.Equal(email, Assert.Single(added.OfType<Share>()).Email);
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
    public void Jobs_are_created_listed_changed_and_removed()
    {
        using var ps = Connected();
        var name = Unique("Job");
        var created = ps.Run("New-SeeMeJob -Name $args[0] -JobType training -Setting @{ epochs = 5 }", name);
        Assert.Empty(created.Errors);
        var job = Assert.Single(created.OfType<Job>());
        Assert.Equal("5", Assert.Single(job.Items).Value);

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
