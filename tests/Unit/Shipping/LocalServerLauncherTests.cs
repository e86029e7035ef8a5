using System.Net;
using System.Net.Sockets;
using SeeMe.PowerShell;
using SeeMe.PowerShell.Commands.LocalServer;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Shipping;

/// <summary>
/// Start-SeeMeLocalServer: where it finds the server, and the one launcher (port 0, the port read from the server's
/// ready line) with the real server process.
/// </summary>
public sealed class LocalServerLauncherTests : IDisposable
{
    private readonly TestFiles _files = new();
    private static readonly string ServerDll = Path.Combine(PowerShellHost.ModuleDirectory, "SeeMe.Server.dll");

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_server_is_found_by_Path_then_the_environment_variable_then_PATH_then_the_development_build()
    {
        var given = _files.Bytes("given/SeeMe.Server.dll", [1]);
        var fromVariable = _files.Bytes("variable/SeeMe.Server.dll", [1]);
        var tool = _files.Bytes(Path.Combine("tools", OperatingSystem.IsWindows() ? "seeme-local-server.exe" : "seeme-local-server"), [1]);
        var module = _files.PathOf("out/SeeMe/1.0.0");
        var staged = _files.Bytes("out/SeeMe.LocalServer/SeeMe.Server.dll", [1]);
        Directory.CreateDirectory(module);
        var path = string.Join(Path.PathSeparator, _files.PathOf("empty"), _files.PathOf("tools"));
        Func<string, string> all = name => name == "PATH" ? path : name == "SEEME_LOCAL_SERVER" ? _files.PathOf("variable") : null;
        Func<string, string> noVariable = name => name == "PATH" ? path : null;
        Func<string, string> nothing = _ => null;

        Assert.Equal(given, LocalServerLocator.Find(_files.PathOf("given"), module, all));
        Assert.Equal(fromVariable, LocalServerLocator.Find(null, module, all));
        Assert.Equal(tool, LocalServerLocator.Find(null, module, noVariable));
        Assert.Equal(staged, LocalServerLocator.Find(null, module, nothing));
    }

    [Fact]
    public void Without_a_server_the_error_gives_the_install_command_and_a_wrong_path_is_named_not_skipped()
    {
        var module = Directory.CreateDirectory(_files.PathOf("module")).FullName;

        var none = Assert.Throws<FileNotFoundException>(() => LocalServerLocator.Find(null, module, _ => null));
        Assert.Contains("dotnet tool install --global SeeMe.LocalServer", none.Message);

        var wrong = Assert.Throws<FileNotFoundException>(() => LocalServerLocator.Find(null, module, n => n == "SEEME_LOCAL_SERVER" ? _files.PathOf("nowhere") : null));
        Assert.Contains("$env:SEEME_LOCAL_SERVER", wrong.Message);
        Assert.Contains(_files.PathOf("nowhere"), wrong.Message);

        using var ps = new PowerShellHost();
        var result = ps.Run("Start-SeeMeLocalServer -Path $args[0]", _files.PathOf("nowhere"));
        Assert.Contains("-Path", Assert.Single(result.Errors).Exception.Message);
    }

    [Fact]
    public void The_launcher_waits_for_the_ready_line_the_server_prints()
    {
        Assert.Equal(SeeMe.Server.ReadyLine.Prefix, SeeMe.Core.LocalServer.LocalServerProcess.ReadyLinePrefix);
        Assert.Equal("SeeMe local server listening on http://127.0.0.1:41234/api/v1/", SeeMe.Server.ReadyLine.For(new Uri("http://127.0.0.1:41234/api/v1/")));
    }

    [Fact]
    public void Two_servers_started_at_once_each_get_the_port_the_system_gave_them()
    {
        using var ps = new PowerShellHost();
        try
        {
            var result = ps.Run("""
                $a = Start-SeeMeLocalServer -Path $args[0] -DataPath $args[1] -TimeoutSec 60
                $b = Start-SeeMeLocalServer -Path $args[0] -DataPath $args[2] -TimeoutSec 60
                $a, $b
                $b | Connect-SeeMe | Out-Null
                @(Get-SeeMeApplication).Count -gt 0
                """, ServerDll, _files.PathOf("a"), _files.PathOf("b"));

            Assert.Empty(result.Errors);
            var servers = result.OfType<SeeMeLocalServer>();
            Assert.Equal(2, servers.Count);
            Assert.NotEqual(servers[0].BaseUri.Port, servers[1].BaseUri.Port);
            Assert.All(servers, s => Assert.NotEqual(0, s.BaseUri.Port));
            Assert.Contains(true, result.Objects);
        }
        finally
        {
            ps.Run("Stop-SeeMeLocalServer");
        }
    }

    [Fact]
    public void A_data_folder_used_before_starts_again_without_repeating_its_random_key()
    {
        using var ps = new PowerShellHost();
        var data = _files.PathOf("kept");
        try
        {
            var result = ps.Run("""
                Start-SeeMeLocalServer -Path $args[0] -DataPath $args[1] -Username keeper -TimeoutSec 60 | Connect-SeeMe | Out-Null
                New-SeeMeModel -Name 'Kept model' | Out-Null
                Stop-SeeMeLocalServer
                $again = Start-SeeMeLocalServer -Path $args[0] -DataPath $args[1] -TimeoutSec 60
                $again | Connect-SeeMe | Out-Null
                $again.Username
                (Get-SeeMeModel -Name 'Kept model').Name
                """, ServerDll, data);

            Assert.Empty(result.Errors);
            Assert.Equal(["keeper", "Kept model"], result.Objects.OfType<string>());
        }
        finally
        {
            ps.Run("Stop-SeeMeLocalServer");
        }
    }

    [Fact]
    public void A_server_that_cannot_listen_is_reported_with_its_own_error_and_not_left_running()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var ps = new PowerShellHost();

        var result = ps.Run("Start-SeeMeLocalServer -Path $args[0] -DataPath $args[1] -Port $args[2] -TimeoutSec 60; @(Stop-SeeMeLocalServer -WhatIf).Count",
            ServerDll, _files.PathOf("data"), port);

        var error = Assert.Single(result.Errors);
        Assert.Contains("exited with code", error.Exception.Message);
        Assert.Contains(port.ToString(), error.Exception.Message); // the server's own words: it could not bind that port
        Assert.Empty(result.OfType<SeeMeLocalServer>());
    }

    [Fact]
    public void SampleData_gives_the_folder_of_sample_images()
    {
        using var ps = new PowerShellHost();
        try
        {
            var result = ps.Run("Start-SeeMeLocalServer -Path $args[0] -DataPath $args[1] -SampleData -TimeoutSec 60", ServerDll, _files.PathOf("sample"));

            Assert.Empty(result.Errors);
            var server = Assert.Single(result.OfType<SeeMeLocalServer>());
            Assert.Equal(_files.PathOf(Path.Combine("sample", "sample-images")), server.SampleImagesPath);
            Assert.Equal(18, Directory.GetFiles(server.SampleImagesPath!, "*.png").Length);
        }
        finally
        {
            ps.Run("Stop-SeeMeLocalServer");
        }
    }
}
