#Requires -Version 5.1
<#
.SYNOPSIS
    Builds the SeeMe module, stages it under out/SeeMe/<version>/, and optionally tests and packages it.
.DESCRIPTION
    ./build.ps1             builds Release; stages out/SeeMe/<version>/ (the module exactly as its package holds it:
                            SeeMe.psd1, the dlls with Newtonsoft.Json for Windows PowerShell, the format file, the
                            generated MAML help) and out/SeeMe.LocalServer/ (the published local server, which
                            Start-SeeMeLocalServer finds from a development build).
    ./build.ps1 -Test       also runs `dotnet test SeeMe.PowerShell.sln` and, when Pester 5 is installed,
                            Invoke-Pester tests/Pester against the staged module.
    ./build.ps1 -Package    also writes to out/ the two packages, both by `dotnet pack`:
                            SeeMe.<version>.nupkg (the module, for Publish-PSResource -NupkgPath / Install-PSResource) and
                            SeeMe.LocalServer.<version>.nupkg (the server as a .NET tool, command seeme-local-server).
    The version is SeeMe.psd1's ModuleVersion, the one place it is written (Directory.Build.props reads it).
.EXAMPLE
    ./build.ps1 -Test -Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Test,
    [switch] $Package,
    [string] $OutputPath = (Join-Path $PSScriptRoot 'out')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$moduleProject = Join-Path $PSScriptRoot 'src/SeeMe.PowerShell/SeeMe.PowerShell.csproj'
$serverProject = Join-Path $PSScriptRoot 'src/SeeMe.Server/SeeMe.Server.csproj'

# A simple function on purpose: an advanced one ([Parameter] makes it one) reads dotnet's -o as its own
# -OutVariable/-OutBuffer ("the parameter name 'o' is ambiguous") and -c as a parameter. $args passes all through.
function Invoke-Dotnet {
    $line = "dotnet $($args -join ' ')"
    Write-Host $line -ForegroundColor Cyan
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "$line failed with exit code $LASTEXITCODE." }
}

function Get-ModuleVersion {
    (Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot 'SeeMe.psd1')).ModuleVersion
}

# The module package, then the stage unpacked from it: what a user installs is what the tests ran against.
function Build-Module {
    param([string] $Stage, [string] $Packages)
    # build writes the generated help beside the dll; pack gathers the module's files (and Newtonsoft.Json).
    Invoke-Dotnet build $moduleProject -c $Configuration --nologo
    Invoke-Dotnet pack $moduleProject -c $Configuration --nologo --no-build -o $Packages
    Expand-ModulePackage -Nupkg (Join-Path $Packages "SeeMe.$(Get-ModuleVersion).nupkg") -Stage $Stage
}

# The package's files without NuGet's own parts, which Install-PSResource leaves out too.
function Expand-ModulePackage {
    param([string] $Nupkg, [string] $Stage)
    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    New-Item -ItemType Directory -Path $Stage -Force | Out-Null
    $zip = [System.IO.Compression.ZipFile]::OpenRead($Nupkg)
    try {
        foreach ($entry in $zip.Entries) {
            if ($entry.FullName -match '^(_rels/|package/|\[Content_Types\]\.xml$|[^/]+\.nuspec$)') { continue }
            $target = Join-Path $Stage $entry.FullName
            New-Item -ItemType Directory -Path (Split-Path $target) -Force | Out-Null
            [System.IO.Compression.ZipFileExtensions]::ExtractToFile($entry, $target, $true)
        }
    }
    finally { $zip.Dispose() }
}

# The server for development: published beside the module's stage, where Start-SeeMeLocalServer looks last.
function Build-Server {
    param([string] $Stage)
    Invoke-Dotnet build $serverProject -c $Configuration --nologo
    Invoke-Dotnet publish $serverProject -c $Configuration --nologo --no-build -o $Stage
}

function Invoke-Tests {
    param([string] $Stage)
    Invoke-Dotnet test (Join-Path $PSScriptRoot 'SeeMe.PowerShell.sln') -c $Configuration --nologo

    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version.Major -ge 5 } | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed; skipping tests/Pester (Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser).'
        return
    }
    # In a child process of this same PowerShell (pwsh or Windows PowerShell): the tests import the staged module,
    # and a loaded dll can never be unloaded, so in this session it would lock out/ against the next build.
    # -NonInteractive: a test that made a command ask (ShouldContinue) fails instead of waiting for an answer.
    $tests = (Join-Path $PSScriptRoot 'tests/Pester').Replace("'", "''")
    $command = "Import-Module -Name '$($pester.Path.Replace("'", "''"))'; " +
        "`$config = New-PesterConfiguration; `$config.Run.Path = '$tests'; `$config.Run.Exit = `$true; " +
        "`$config.Output.Verbosity = 'Detailed'; Invoke-Pester -Configuration `$config"
    $env:SEEME_MODULE_MANIFEST = Join-Path $Stage 'SeeMe.psd1'
    try {
        & (Get-Process -Id $PID).Path -NoProfile -NonInteractive -Command $command
        if ($LASTEXITCODE -ne 0) { throw "$LASTEXITCODE Pester test(s) failed (or Pester could not run)." }
    }
    finally {
        Remove-Item -Path Env:SEEME_MODULE_MANIFEST -ErrorAction SilentlyContinue
    }
}

$version = Get-ModuleVersion
$stage = Join-Path $OutputPath "SeeMe/$version"
$serverStage = Join-Path $OutputPath 'SeeMe.LocalServer'
$packages = Join-Path $OutputPath 'obj/packages'
foreach ($folder in $stage, $serverStage, $packages) {
    if (Test-Path -LiteralPath $folder) { Remove-Item -LiteralPath $folder -Recurse -Force }
}

Build-Module -Stage $stage -Packages $packages
Build-Server -Stage $serverStage
Write-Host "Staged the module in $stage and the local server in $serverStage"

if ($Test) { Invoke-Tests -Stage $stage }
if ($Package) {
    Invoke-Dotnet pack $serverProject -c $Configuration --nologo --no-build -o $packages
    foreach ($name in "SeeMe.$version.nupkg", "SeeMe.LocalServer.$version.nupkg") {
        Copy-Item -LiteralPath (Join-Path $packages $name) -Destination $OutputPath -Force
        Write-Host "Package: $(Join-Path $OutputPath $name)"
    }
}
