using SeeMe.PowerShell;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

[Collection(SeeMe.Tests.Shipping.SeeMeEnvironmentCollection.Name)]
public sealed class SessionCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public void Connect_returns_a_session_that_shows_no_key()
    {
        using var ps = new PowerShellHost();
        var result = ps.Run("Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2] -Verbose", server.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey));
        Assert.Empty(result.Errors);
        var session = Assert.Single(result.OfType<SeeMeSession>());
        Assert.Equal(server.Username, session.Username);
        Assert.Equal(server.BaseUri, session.BaseUri);
        Assert.DoesNotContain(server.ApiKey, result.AllText());
    }

    [Fact]
    public void Commands_without_a_session_stop_with_run_connect_first()
    {
        using var ps = new PowerShellHost();
        var result = ps.Run("Get-SeeMeModel");
        var error = Assert.Single(result.Errors);
        Assert.Equal("SessionNotFound,SeeMe.PowerShell.Commands.Models.GetSeeMeModelCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Connect-SeeMe", error.Exception.Message);
    }

    [Fact]
    public void A_wrong_key_is_an_authentication_error_that_does_not_echo_the_key()
    {
        using var ps = new PowerShellHost();
        var result = ps.Run("Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2]", server.BaseUri, server.Username, PowerShellHost.Secure("not-the-key-123"));
        var error = Assert.Single(result.Errors);
        Assert.Equal(System.Management.Automation.ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.StartsWith("SessionAuthenticationFailed", error.FullyQualifiedErrorId);
        Assert.DoesNotContain("not-the-key-123", result.AllText());
    }

    [Fact]
    public void Disconnect_forgets_the_session()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        var result = ps.Run("Disconnect-SeeMe; Get-SeeMeModel");
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("SessionNotFound"));
    }

    [Fact]
    public void Without_arguments_Connect_reads_the_CI_environment_variables_and_caches_the_applications()
    {
        using var ps = new PowerShellHost();
        var result = ps.Run("""
            $env:SEEME_USERNAME, $env:SEEME_API_KEY, $env:SEEME_BACKEND = $args
            try { Connect-SeeMe } finally { $env:SEEME_USERNAME = $env:SEEME_API_KEY = $env:SEEME_BACKEND = $null }
            """, server.Username, server.ApiKey, server.BaseUri.AbsoluteUri);
        Assert.Empty(result.Errors);
        var session = Assert.Single(result.OfType<SeeMeSession>());
        Assert.Equal(server.Username, session.Username);
        Assert.Equal(server.BaseUri, session.BaseUri);
        Assert.Contains(session.Applications, a => a.Framework == "onnx" && a.ApplicationType == "structured");
        Assert.Null(Environment.GetEnvironmentVariable("SEEME_API_KEY"));
    }

    [Fact]
    public void Without_arguments_or_environment_Connect_says_what_to_give()
    {
        using var ps = new PowerShellHost();
        var result = ps.Run("$env:SEEME_USERNAME = $env:SEEME_API_KEY = $null; Connect-SeeMe");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("SessionCredentialsMissing,", error.FullyQualifiedErrorId);
        Assert.Contains("SEEME_API_KEY", error.Exception.Message);
    }

    [Fact]
    public void Local_is_the_default_local_address_and_an_unreachable_server_is_a_connection_error_with_advice()
    {
        using var ps = new PowerShellHost();
        var result = ps.Run("Connect-SeeMe -Local -Username someone -ApiKey $args[0]", PowerShellHost.Secure("secret-local-key"));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("SessionConnectionFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains("127.0.0.1:5080", error.Exception.Message);
        Assert.Contains("Start-SeeMeLocalServer", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain("secret-local-key", result.AllText());
    }
}
