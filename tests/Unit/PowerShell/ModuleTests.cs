using System.Collections;
using System.Management.Automation;
using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

/// <summary>The module as PowerShell sees it: manifest, assembly loading, tab completion.</summary>
public sealed class ModuleTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public void The_manifest_passes_Test_ModuleManifest_for_Desktop_and_Core_from_5_1()
    {
        using var ps = new PowerShellHost();
        var result = ps.Run("Test-ModuleManifest -Path $args[0]", Path.Combine(PowerShellHost.ModuleDirectory, "SeeMe.psd1"));
        Assert.Empty(result.Errors);
        var module = Assert.Single(result.OfType<PSModuleInfo>());
        Assert.Equal(new Version(5, 1), module.PowerShellVersion);
        Assert.Equal(new[] { "Core", "Desktop" }, module.CompatiblePSEditions.Order());
        Assert.Equal(62, module.ExportedCmdlets.Count);
        Assert.Empty(module.ExportedFunctions);
        Assert.Empty(module.ExportedAliases);
        var psData = (Hashtable)((Hashtable)module.PrivateData)["PSData"];
        Assert.NotNull(psData["ProjectUri"]);
        Assert.NotNull(psData["LicenseUri"]);
    }

    [Fact]
    public void The_module_uses_the_Newtonsoft_Json_that_PowerShell_already_loaded()
    {
        var referenced = typeof(SeeMe.Core.SeeMeClient).Assembly.GetReferencedAssemblies().Single(a => a.Name == "Newtonsoft.Json");
        Assert.Equal(new Version(13, 0, 0, 0), referenced.Version);

        using var ps = new PowerShellHost(); // PowerShell's own Newtonsoft.Json is loaded before the module is imported
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "Newtonsoft.Json").ToList();
        Assert.Single(loaded);
        Assert.Equal(new Version(13, 0, 0, 0), loaded[0].GetName().Version);

        ps.Connect(server);
        var models = ps.Run("New-SeeMeModel -Name $args[0]; Get-SeeMeModel -Name $args[0]", CoreClients.Unique("json"));
        Assert.Empty(models.Errors);
        Assert.Equal(2, models.OfType<Model>().Count);
    }

    [Fact]
    public void Model_and_dataset_names_complete_from_the_server_quoted_when_needed()
    {
        var prefix = "Tab" + Guid.NewGuid().ToString("N")[..6];
        using var client = server.SeedUser();
        client.Models.CreateAsync(new Model { Name = prefix + " Cats and dogs" }).GetAwaiter().GetResult();
        client.Datasets.CreateAsync(new Dataset { Name = prefix + "Birds" }).GetAwaiter().GetResult();
        using var ps = new PowerShellHost();
        ps.Connect(server);

        Assert.Equal(new[] { $"'{prefix} Cats and dogs'" }, Complete(ps, $"Get-SeeMeModel -Name {prefix.ToLowerInvariant()}"));
        Assert.Equal(new[] { prefix + "Birds" }, Complete(ps, $"Get-SeeMeDataset -Name {prefix}"));
    }

    [Fact]
    public void Fixed_value_sets_complete_without_a_server()
    {
        using var ps = new PowerShellHost();
        Assert.Contains("OnnxInt8", Complete(ps, "Save-SeeMeModel -AssetType Onnx"));
        Assert.Contains("Yolo", Complete(ps, "Export-SeeMeDatasetVersion -Format Y"));
        Assert.Contains("object_detection", Complete(ps, "Invoke-SeeMePrediction -ApplicationType obj"));
    }

    [Fact]
    public void Without_a_session_name_completion_offers_nothing_and_never_fails()
    {
        using var ps = new PowerShellHost();
        var result = ps.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches", "Get-SeeMeModel -Name x");
        Assert.Empty(result.Errors);
        Assert.DoesNotContain(result.Output, o => ((CompletionResult)o.BaseObject).ResultType == CompletionResultType.ParameterValue);
    }

    private static List<string> Complete(PowerShellHost ps, string input)
    {
        var result = ps.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches", input);
        Assert.Empty(result.Errors);
        return result.Output.Select(o => ((CompletionResult)o.BaseObject).CompletionText).ToList();
    }
}
