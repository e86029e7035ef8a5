using System.Management.Automation;
using SeeMe.Core.Entities;
using SeeMe.Server.SampleData;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.PowerShell.DatasetTestData;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// The errors a newcomer met that misled (issue 16, item 5): each now has the ErrorId a script branches on, and a
/// message and recommendation that say what is wrong and what to do. Each test checks what the user sees.
/// </summary>
public sealed class ErrorMessageTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private PowerShellHost Connected() => PowerShellHost.ConnectedTo(server);

    /// <summary>The one error a script wrote: its ErrorId (before the command's name), what it says and what it recommends.</summary>
    private static (string ErrorId, string Message, string Advice) Seen(ScriptResult result)
    {
        var error = Assert.Single(result.Errors);
        return (error.FullyQualifiedErrorId.Split(',')[0], error.ErrorDetails?.Message ?? error.Exception.Message, error.ErrorDetails?.RecommendedAction);
    }

    [Fact]
    public void A_base_uri_that_is_not_a_web_address_says_so()
    {
        using var ps = new PowerShellHost();

        var seen = Seen(ps.Run("Connect-SeeMe -BaseUri 'not a uri' -Username a -ApiKey $args[0]", PowerShellHost.Secure("k")));

        Assert.Equal(("SessionBaseUriInvalid", "-BaseUri 'not a uri' is not a web address."), (seen.ErrorId, seen.Message));
        Assert.Equal("Give the API root with its scheme, such as https://api.seeme.ai/api/v1/ (or -Local for the local server's http://127.0.0.1:5080/api/v1/).", seen.Advice);
    }

    [Fact]
    public void A_SEEME_BACKEND_that_is_not_a_web_address_names_the_variable()
    {
        var run = Pwsh.Run(_files.Root, new Dictionary<string, string> { ["SEEME_BACKEND"] = "api.seeme.ai", ["SEEME_USERNAME"] = "a", ["SEEME_API_KEY"] = "k" },
            "-Command", $"Import-Module '{Path.Combine(PowerShellHost.ModuleDirectory, "SeeMe.psd1")}'; try {{ Connect-SeeMe }} catch {{ $_.FullyQualifiedErrorId; $_.ErrorDetails.Message }}");

        Assert.Contains("SessionBaseUriInvalid,SeeMe.PowerShell.Commands.Session.ConnectSeeMeCommand", run.Output);
        Assert.Contains("SEEME_BACKEND 'api.seeme.ai' is not a web address.", run.Output);
    }

    [Fact]
    public void A_base_uri_without_the_api_root_says_where_the_api_is()
    {
        using var ps = new PowerShellHost();
        var site = new Uri(server.BaseUri, "/");

        foreach (var connect in new[] { "Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2]", "Connect-SeeMe -BaseUri $args[0] -Credential ([pscredential]::new($args[1], $args[2]))" })
        {
            var seen = Seen(ps.Run(connect, site, server.Username, PowerShellHost.Secure(server.ApiKey)));

            Assert.Equal("SessionApiNotFound", seen.ErrorId);
            Assert.Matches($@"^There is no SeeMe API at {site}: (GET applications|POST login) answered 404 \(Not Found\)\.$", seen.Message);
            Assert.Equal($"The API root ends in /api/v1/: try -BaseUri {site}api/v1/", seen.Advice);
        }
    }

    [Fact]
    public void An_api_key_given_as_the_password_says_to_pass_it_as_ApiKey()
    {
        using var ps = new PowerShellHost();

        var result = ps.Run("Connect-SeeMe -BaseUri $args[0] -Credential ([pscredential]::new($args[1], $args[2]))", server.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey));

        var seen = Seen(result);
        Assert.Equal("SessionApiKeyGivenAsPassword", seen.ErrorId);
        Assert.Equal($"The password given for '{server.Username}' is the user's API key, not the account's password.", seen.Message);
        Assert.Equal($"Pass the API key as -ApiKey: Connect-SeeMe -Username {server.Username} -ApiKey $credential.Password (or set SEEME_USERNAME and SEEME_API_KEY).", seen.Advice);
        Assert.Equal(ErrorCategory.AuthenticationError, result.Errors[0].CategoryInfo.Category);
        Assert.DoesNotContain(server.ApiKey, result.AllText());
    }

    [Fact]
    public async Task A_wrong_password_speaks_of_the_password()
    {
        var user = await server.RegisterUserAsync();
        using var ps = new PowerShellHost();

        var seen = Seen(ps.Run("Connect-SeeMe -BaseUri $args[0] -Credential ([pscredential]::new($args[1], $args[2]))", server.BaseUri, user.Username, PowerShellHost.Secure("not the password")));

        Assert.Equal(("SessionAuthenticationFailed", "Unknown username or wrong password."), (seen.ErrorId, seen.Message));
        Assert.Equal("Check the username and the password: -Credential takes the account's password (an API key goes with -Username and -ApiKey).", seen.Advice);
    }

    [Fact]
    public async Task Sharing_with_an_unknown_address_says_the_address_is_unknown()
    {
        using var ps = Connected();
        var model = Assert.Single(ps.Run("New-SeeMeModel -Name $args[0]", Unique("Shared")).OfType<Model>());
        using var client = Client(server);
        var (dataset, _) = await NewDatasetAsync(client);

        foreach (var share in new[] { "Add-SeeMeShare -Model $args[0] -Email nobody@example.test", "Add-SeeMeShare -Dataset $args[1] -Email nobody@example.test" })
        {
            var seen = Seen(ps.Run(share, model, dataset));

            Assert.Equal("ShareRecipientNotFound", seen.ErrorId);
            Assert.Equal("No user has registered the e-mail address 'nobody@example.test' on this server. Ask them to register first, then share again.", seen.Message);
            Assert.Equal("Check the address, or ask them to sign up first (on a local server: Register-SeeMeUser), then share again.", seen.Advice);
        }
    }

    [Fact]
    public async Task Saving_an_asset_the_model_lacks_names_the_ones_it_has_and_how_to_add_one()
    {
        await SampleContent.AddAsync(server.BaseUri, server.Server.SeedUser, server.DataDirectory);
        using var ps = Connected();
        var destination = TempFolder(_files);

        var active = Seen(ps.Run("Save-SeeMeModel -Model 'Sample colours' -AssetType Tflite -Destination $args[0]", destination));
        var version = Seen(ps.Run("Get-SeeMeModelVersion -Model 'Sample colours' | Save-SeeMeModel -AssetType Pkl -Destination $args[0]", destination));

        Assert.Equal(("ModelAssetNotFound", "The active version of model 'Sample colours' has no Tflite file."), (active.ErrorId, active.Message));
        Assert.Equal("Choose an -AssetType it has (Onnx, Labels), or upload one with Publish-SeeMeModel -Path <file> (with -Version for a version that is not the active one).", active.Advice);
        Assert.Equal("ModelAssetNotFound", version.ErrorId);
        Assert.Matches("^Model version '.+' has no Pkl file.$", version.Message);
        Assert.Empty(Directory.GetFileSystemEntries(destination));
    }

    private const string NewModel = "New-SeeMeModel -Name $args[0] -ApplicationId (Get-SeeMeApplication -Framework onnx -ApplicationType $args[1]).Id";

    [Fact]
    public void Text_for_an_image_model_or_files_for_a_text_model_stop_before_anything_is_sent()
    {
        using var ps = Connected();
        var picture = Assert.Single(ps.Run(NewModel, Unique("Pictures"), "image_classification").OfType<Model>());
        var words = Assert.Single(ps.Run(NewModel, Unique("Words"), "text_classification").OfType<Model>());
        var png = Png(TempFolder(_files), "a.png", SkiaSharp.SKColors.Red);

        var text = Seen(ps.Run("Invoke-SeeMePrediction -Model $args[0] -Text 'hello', 'again'", picture));
        var file = Seen(ps.Run("Invoke-SeeMePrediction -Model $args[0] -Path $args[1]", words, png));
        var row = Seen(ps.Run("@{ a = 1 } | Invoke-SeeMePrediction -Model $args[0]", picture));

        Assert.Equal("PredictionInputMismatch", text.ErrorId);
        Assert.Equal($"Model '{picture.Name}' is an image_classification model: it predicts on files, not on text.", text.Message);
        Assert.Equal("Pass the files with -Path or -LiteralPath, or pipe them in (Get-ChildItem). -ApplicationType overrides the model's type.", text.Advice);
        Assert.Equal($"Model '{words.Name}' is a text_classification model: it predicts on text, not on files.", file.Message);
        Assert.Equal("Pass the text with -Text, or pipe strings in (Get-Content for a file's lines). -ApplicationType overrides the model's type.", file.Advice);
        Assert.Equal($"Model '{picture.Name}' is an image_classification model: it predicts on files, not on rows of features.", row.Message);
        Assert.Empty(ps.Run("Get-SeeMePrediction -Model $args[0]; Get-SeeMePrediction -Model $args[1]", picture, words).Objects); // nothing was sent
    }

    [Fact]
    public void A_missing_model_is_ModelNotFound_whatever_the_command()
    {
        using var ps = Connected();
        var missing = Guid.NewGuid().ToString();

        foreach (var command in new[]
                 {
                     "Get-SeeMeModelVersion -ModelId $args[0]", "New-SeeMeModelVersion -Model $args[0] -Name v2",
                     "Remove-SeeMeModelVersion -ModelId $args[0] -VersionId $args[1] -Confirm:$false", "Invoke-SeeMePrediction -Model $args[0] -Text hi",
                     "Get-SeeMePrediction -Model $args[0]",
                 })
        {
            var seen = Seen(ps.Run(command, missing, Guid.NewGuid().ToString()));

            Assert.True(seen.ErrorId == "ModelNotFound", $"{command}: {seen.ErrorId}");
            Assert.Contains(missing, seen.Message);
            Assert.EndsWith("Get-SeeMeModel lists the ones you can see.", seen.Advice);
        }
    }
}
