#Requires -Version 5.1
<#
.SYNOPSIS
    Builds the SeeMe module, stages it under out/SeeMe/<version>/, and optionally tests and packages it.
.DESCRIPTION
    ./build.ps1             builds Release; stages out/SeeMe/<version>/ (the module exactly as its package holds it:
                            SeeMe.psd1, the dlls with Newtonsoft.Json for Windows PowerShell, the format file, the
                            generated MAML help) and out/SeeMe.LocalServer/ (the published local server, which
                            Start-SeeMeLocalServer finds from a development build).
    ./build.ps1 -Test       also runs every test: `dotnet test SeeMe.PowerShell.sln` (xunit), then tests/Pester
                            against the staged module, in a child of this same PowerShell, with the Pester that
                            tools/Pester pins (restored from NuGet; no PowerShell Gallery needed).
    ./build.ps1 -QuickStart also runs README.md's quick start as written (the block between its quick-start
                            markers), in a child of this same PowerShell that imports the staged module by name,
                            in the folder out/quick-start.
    ./build.ps1 -Package    also writes to out/ the two packages, both by `dotnet pack`:
                            SeeMe.<version>.nupkg (the module, for Publish-PSResource -NupkgPath / Install-PSResource) and
                            SeeMe.LocalServer.<version>.nupkg (the server as a .NET tool, command seeme-local-server).
    The version is SeeMe.psd1's ModuleVersion, the one place it is written (Directory.Build.props reads it).
.EXAMPLE
    ./build.ps1 -Test -Package
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Test

    On a machine with only the .NET SDK: the repository's tool manifest (.config/dotnet-tools.json) brings pwsh.
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Test,
    [switch] $Package,
    [switch] $QuickStart,
    [string] $OutputPath = (Join-Path $PSScriptRoot 'out')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

. (Join-Path $PSScriptRoot 'tools/PowerShellCommand.ps1')

$moduleProject = Join-Path $PSScriptRoot 'src/SeeMe.PowerShell/SeeMe.PowerShell.csproj'
$serverProject = Join-Path $PSScriptRoot 'src/SeeMe.Server/SeeMe.Server.csproj'

# A simple function on purpose: an advanced one ([Parameter] makes it one) reads dotnet's -o as its own
# -OutVariable/-OutBuffer ("the parameter name 'o' is ambiguous") and -c as a parameter. $args passes all through.
function Invoke-Dotnet {
    $line = "dotnet $($args -join ' ')"
    Write-Host $line -ForegroundColor Cyan
    & dotnet @args | Out-Host
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

# Pester from NuGet, at the version tools/Pester/Pester.csproj pins.
function Get-PesterManifest {
    $project = Join-Path $PSScriptRoot 'tools/Pester/Pester.csproj'
    Invoke-Dotnet restore $project --nologo
    $version = ([xml](Get-Content -LiteralPath $project -Raw)).Project.PropertyGroup.PesterVersion
    $manifest = Join-Path $PSScriptRoot "tools/Pester/packages/pester/$version/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) { throw "Restoring $project did not bring $manifest." }
    $manifest
}

# In a child process of this same PowerShell (pwsh, dotnet pwsh or Windows PowerShell): the scripts import the staged
# module, and a loaded dll can never be unloaded, so in this session it would lock out/ against the next build.
# -NonInteractive: a command that asks (ShouldContinue) fails instead of waiting for an answer.
function Invoke-InChildPowerShell {
    param([string] $Command, [hashtable] $Environment = @{})
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    try {
        Invoke-ChildPowerShell -NoProfile -NonInteractive -Command $Command | Out-Host
        $LASTEXITCODE
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

# Both suites run even when the first fails, so a run always ends with both summaries; then any failure stops the build.
function Invoke-Tests {
    param([string] $Stage)
    $xunitFailure = $null
    try { Invoke-Dotnet test (Join-Path $PSScriptRoot 'SeeMe.PowerShell.sln') -c $Configuration --nologo }
    catch { $xunitFailure = $_ }

    $pester = (Get-PesterManifest).Replace("'", "''")
    $tests = (Join-Path $PSScriptRoot 'tests/Pester').Replace("'", "''")
    $command = "Import-Module -Name '$pester'; " +
        "`$config = New-PesterConfiguration; `$config.Run.Path = '$tests'; `$config.Run.Exit = `$true; " +
        "`$config.Output.Verbosity = 'Detailed'; Invoke-Pester -Configuration `$config"
    $failed = Invoke-InChildPowerShell -Command $command -Environment @{ SEEME_MODULE_MANIFEST = (Join-Path $Stage 'SeeMe.psd1') }
    if ($xunitFailure) { throw $xunitFailure }
    if ($failed -ne 0) { throw "$failed Pester test(s) failed (or Pester could not run)." }
}

# README.md's quick start, exactly as written there, with the staged module on PSModulePath as if installed.
function Invoke-QuickStart {
    $readme = (Get-Content -LiteralPath (Join-Path $PSScriptRoot 'README.md') -Raw) -replace "`r`n", "`n"
    if ($readme -notmatch '(?s)<!-- quick-start -->\n```powershell\n(.*?)```\n<!-- /quick-start -->') {
        throw 'README.md has no ```powershell block between <!-- quick-start --> and <!-- /quick-start -->.'
    }
    $folder = Join-Path $OutputPath 'quick-start'
    if (Test-Path -LiteralPath $folder) { Remove-Item -LiteralPath $folder -Recurse -Force }
    New-Item -ItemType Directory -Path $folder | Out-Null
    $script = Join-Path $folder 'quick-start.ps1'
    Set-Content -LiteralPath $script -Value $Matches[1] -Encoding UTF8
    Write-Host "Running README.md's quick start in $folder" -ForegroundColor Cyan
    # One statement at a time, each formatted on its own, as at a prompt (a script's output is one table otherwise).
    $command = "`$ErrorActionPreference = 'Stop'; Set-Location -LiteralPath '$($folder.Replace("'", "''"))'; " +
        "`$ast = [System.Management.Automation.Language.Parser]::ParseFile((Resolve-Path ./quick-start.ps1), [ref]`$null, [ref]`$null); " +
        "foreach (`$statement in `$ast.EndBlock.Statements) { . ([scriptblock]::Create(`$statement.Extent.Text)) | Out-Default }"
    $modulePath = $OutputPath + [IO.Path]::PathSeparator + $env:PSModulePath
    $failed = Invoke-InChildPowerShell -Command $command -Environment @{ PSModulePath = $modulePath }
    if ($failed -ne 0) { throw "README.md's quick start failed (exit code $failed)." }
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

if ($QuickStart) { Invoke-QuickStart }
if ($Test) { Invoke-Tests -Stage $stage }
if ($Package) {
    Invoke-Dotnet pack $serverProject -c $Configuration --nologo --no-build -o $packages
    foreach ($name in "SeeMe.$version.nupkg", "SeeMe.LocalServer.$version.nupkg") {
        Copy-Item -LiteralPath (Join-Path $packages $name) -Destination $OutputPath -Force
        Write-Host "Package: $(Join-Path $OutputPath $name)"
    }
}
