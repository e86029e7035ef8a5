using SeeMe.Core.Models;
using SeeMe.PowerShell;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

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
}
