# Shared by the *.Tests.ps1 files: import the staged module and start a throwaway local server.
# build.ps1 -Test sets SEEME_MODULE_MANIFEST; otherwise the newest out/SeeMe/<version>/SeeMe.psd1 is used.

. (Join-Path $PSScriptRoot '../../tools/PowerShellCommand.ps1')   # Invoke-ChildPowerShell

function Import-StagedSeeMe {
    $manifest = $env:SEEME_MODULE_MANIFEST
    if (-not $manifest) {
        $manifest = Get-ChildItem -Path (Join-Path $PSScriptRoot '../../out/SeeMe/*/SeeMe.psd1') |
            Sort-Object { [version]$_.Directory.Name } -Descending | Select-Object -First 1 -ExpandProperty FullName
    }
    if (-not $manifest) { throw 'No staged module: run ./build.ps1 first.' }
    Import-Module $manifest -Force
}

function New-UniqueName([string] $Prefix) { $Prefix + [guid]::NewGuid().ToString('N').Substring(0, 10) }

# The BeforeAll of every file: the staged module, a throwaway local server and a session to it (the current one).
function Start-TestSeeMeServer {
    Import-StagedSeeMe
    $server = Start-SeeMeLocalServer
    $server | Connect-SeeMe | Out-Null
    $server
}

# The AfterAll of every file: end the session, if any, and stop the server the file started (not the others).
function Stop-TestSeeMeServer($Server) {
    try { Disconnect-SeeMe } catch { Write-Verbose "No session to end: $_" }
    if ($Server) { $Server | Stop-SeeMeLocalServer }
}

# What a CI job has: SEEME_USERNAME, SEEME_API_KEY and SEEME_BACKEND for the given local server (Clear-SeeMeEnvironment undoes it).
function Set-SeeMeEnvironment($Server) {
    $env:SEEME_USERNAME = $Server.Username
    $env:SEEME_API_KEY = [System.Net.NetworkCredential]::new('', $Server.ApiKey).Password
    $env:SEEME_BACKEND = [string]$Server.BaseUri
}

function Clear-SeeMeEnvironment {
    Remove-Item -Path Env:SEEME_USERNAME, Env:SEEME_API_KEY, Env:SEEME_BACKEND, Env:GITHUB_STEP_SUMMARY -ErrorAction SilentlyContinue
}
