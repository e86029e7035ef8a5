using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Shipping;

/// <summary>
/// Scripts in CI: a change that needs a confirmation fails clearly instead of waiting, $ErrorActionPreference = 'Stop'
/// stops the script at the first failure, and progress stays a few records a second (one per 250 ms per activity). (The hosted engine cannot prompt,
/// as pwsh -NonInteractive cannot; tests/Pester/Unattended.Tests.ps1 runs the same in a real pwsh -NonInteractive.)
/// </summary>
public sealed class UnattendedTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public void A_removal_without_Confirm_false_fails_with_an_error_that_says_to_add_it_and_removes_nothing()
    {
        var name = CoreClients.Unique("keep");
        using var ps = new PowerShellHost();
        ps.Connect(server);

        var result = ps.Run("New-SeeMeModel -Name $args[0] | Out-Null; Get-SeeMeModel -Name $args[0] | Remove-SeeMeModel; 'after'", name);

        var error = Assert.Single(result.Errors);
        Assert.Equal("ModelConfirmationRequired,SeeMe.PowerShell.Commands.Models.RemoveSeeMeModelCommand", error.FullyQualifiedErrorId);
        Assert.Contains("-Confirm:$false", error.Exception.Message);
        Assert.Contains(name, error.Exception.Message);
        Assert.Contains("after", result.Objects); // terminating for the command, not for the script
        Assert.Single(ps.Run("Get-SeeMeModel -Name $args[0]", name).OfType<Model>());

        var confirmed = ps.Run("$n = $args[0]; Get-SeeMeModel -Name $n | Remove-SeeMeModel -Confirm:$false; @((Get-SeeMeModel).Where({ $_.Name -eq $n })).Count", name);
        Assert.Empty(confirmed.Errors);
        Assert.Equal(0, Assert.Single(confirmed.Objects));
    }

    [Fact]
    public void With_ErrorActionPreference_Stop_the_first_failure_ends_the_script()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);

        var result = ps.Run("$ErrorActionPreference = 'Stop'; Get-SeeMeModel -Id 'no-such-model'; 'not reached'");

        Assert.Equal("ModelNotFound", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.DoesNotContain("not reached", result.Objects);
    }

    [Fact]
    public void A_long_pipeline_writes_a_few_progress_records_a_second_not_one_per_item()
    {
        var onnx = KnownModels.ColourClassifier();
        using var files = new TestFiles();
        var model = CoreClients.Unique("progress");
        var images = Enumerable.Range(0, 60).Select(i => new FileInfo(files.Bytes($"p{i}.png", KnownModels.RedPng()))).ToArray();
        var modelFile = files.Bytes("model.onnx", onnx);
        var labels = files.Text("labels.txt", string.Join("\n", KnownModels.Colours));
        using var ps = new PowerShellHost();
        ps.Connect(server);
        var setup = ps.Run("""
            $app = Get-SeeMeApplication -Framework onnx -ApplicationType image_classification
            Publish-SeeMeModel -Model (New-SeeMeModel -Name $args[0] -ApplicationId $app.Id) -Path $args[1], $args[2] | Out-Null
            """, model, modelFile, labels);
        Assert.Empty(setup.Errors);

        var started = DateTime.UtcNow;
        var result = ps.Run("$args[0] | Invoke-SeeMePrediction -Model (Get-SeeMeModel -Name $args[1])", images, model);
        var seconds = (DateTime.UtcNow - started).TotalSeconds;

        Assert.Empty(result.Errors);
        Assert.Equal(60, result.OfType<Prediction>().Count);
        var perActivity = result.Progress.Where(p => p.RecordType != System.Management.Automation.ProgressRecordType.Completed)
            .GroupBy(p => p.ActivityId).Select(g => g.Count()).ToList();
        Assert.NotEmpty(perActivity);
        Assert.All(perActivity, count => Assert.True(count <= 1 + seconds * 1000 / 250 + 1,
            $"{count} progress records in {seconds:0.0} s for 60 items"));
    }
}
