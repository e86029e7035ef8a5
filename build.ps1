#Requires -Version 5.1
<#
.SYNOPSIS
    Builds the SeeMe module, stages it under out/SeeMe/<version>/, and optionally tests and packages it.
.DESCRIPTION
    ./build.ps1             builds Release and stages out/SeeMe/<version>/: SeeMe.psd1, the dlls (with
                            Newtonsoft.Json for Windows PowerShell), the format file, the generated MAML help,
                            and server/ with the published local server (used by Start-SeeMeLocalServer).
    ./build.ps1 -Test       also runs `dotnet test SeeMe.PowerShell.sln` and, when Pester 5 is installed,
                            Invoke-Pester tests/Pester against the staged module.
    ./build.ps1 -Package    also writes out/SeeMe.<version>.nupkg, a package Publish-PSResource -NupkgPath accepts.
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

# A simple function on purpose: an advanced one ([Parameter] makes it one) reads dotnet's -o as its own
# -OutVariable/-OutBuffer ("the parameter name 'o' is ambiguous") and -c as a parameter. $args passes all through.
function Invoke-Dotnet {
    $line = "dotnet $($args -join ' ')"
    Write-Host $line -ForegroundColor Cyan
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "$line failed with exit code $LASTEXITCODE." }
}

function Get-ModuleManifestData {
    Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot 'SeeMe.psd1')
}

function Build-Module {
    param([string] $Stage)
    $project = Join-Path $PSScriptRoot 'src/SeeMe.PowerShell/SeeMe.PowerShell.csproj'
    # build writes the generated help beside the dll; publish gathers the dependencies (Newtonsoft.Json).
    Invoke-Dotnet build $project -c $Configuration --nologo
    $published = Join-Path $OutputPath 'obj/module'
    if (Test-Path -LiteralPath $published) { Remove-Item -LiteralPath $published -Recurse -Force }
    Invoke-Dotnet publish $project -c $Configuration --nologo --no-build -o $published

    $built = Join-Path $PSScriptRoot "src/SeeMe.PowerShell/bin/$Configuration/netstandard2.0"
    New-Item -ItemType Directory -Path $Stage -Force | Out-Null
    foreach ($file in 'SeeMe.PowerShell.dll', 'SeeMe.Core.dll', 'Newtonsoft.Json.dll') {
        Copy-Item -LiteralPath (Join-Path $published $file) -Destination $Stage
    }
    foreach ($file in 'SeeMe.psd1', 'SeeMe.Format.ps1xml', 'SeeMe.PowerShell.dll-Help.xml') {
        $path = Join-Path $built $file
        if (-not (Test-Path -LiteralPath $path)) { throw "$path is missing; did the build (and its SeeMe.HelpGen step) run?" }
        Copy-Item -LiteralPath $path -Destination $Stage
    }
}

function Build-Server {
    param([string] $Stage)
    $project = Join-Path $PSScriptRoot 'src/SeeMe.Server/SeeMe.Server.csproj'
    Invoke-Dotnet publish $project -c $Configuration --nologo -o (Join-Path $Stage 'server')
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

function New-ModulePackage {
    param([string] $Stage, [hashtable] $Manifest)
    $version = $Manifest.ModuleVersion
    $nupkg = Join-Path $OutputPath "SeeMe.$version.nupkg"
    if (Test-Path -LiteralPath $nupkg) { Remove-Item -LiteralPath $nupkg -Force }

    if (Get-Command Compress-PSResource -ErrorAction SilentlyContinue) {
        # PSResourceGet 1.1+: the same packing Publish-PSResource does.
        Compress-PSResource -Path $Stage -DestinationPath $OutputPath
        return
    }

    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    $psData = $Manifest.PrivateData.PSData
    $escape = { param($text) [System.Security.SecurityElement]::Escape([string]$text) }
    $tags = @($psData.Tags) + @('PSModule') + @($Manifest.CmdletsToExport | ForEach-Object { "PSCmdlet_$_", "PSCommand_$_" })
    $nuspec = @"
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd">
  <metadata>
    <id>SeeMe</id>
    <version>$version</version>
    <authors>$(& $escape $Manifest.Author)</authors>
    <owners>$(& $escape $Manifest.CompanyName)</owners>
    <requireLicenseAcceptance>false</requireLicenseAcceptance>
    <license type="expression">MIT</license>
    <projectUrl>$(& $escape $psData.ProjectUri)</projectUrl>
    <description>$(& $escape $Manifest.Description)</description>
    <releaseNotes>$(& $escape $psData.ReleaseNotes)</releaseNotes>
    <copyright>$(& $escape $Manifest.Copyright)</copyright>
    <tags>$(& $escape ($tags -join ' '))</tags>
  </metadata>
</package>
"@
    $contentTypes = @'
<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />
  <Default Extension="nuspec" ContentType="application/octet" />
  <Default Extension="psd1" ContentType="application/octet" />
  <Default Extension="dll" ContentType="application/octet" />
  <Default Extension="xml" ContentType="application/octet" />
  <Default Extension="ps1xml" ContentType="application/octet" />
  <Default Extension="json" ContentType="application/octet" />
  <Default Extension="so" ContentType="application/octet" />
  <Default Extension="dylib" ContentType="application/octet" />
  <Default Extension="pdb" ContentType="application/octet" />
</Types>
'@
    $rels = @'
<?xml version="1.0" encoding="utf-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/SeeMe.nuspec" Id="R0" />
</Relationships>
'@
    $zip = [System.IO.Compression.ZipFile]::Open($nupkg, [System.IO.Compression.ZipArchiveMode]::Create)
    try {
        $addText = {
            param($name, $text)
            $entry = $zip.CreateEntry($name)
            $writer = New-Object System.IO.StreamWriter($entry.Open(), (New-Object System.Text.UTF8Encoding($false)))
            try { $writer.Write($text) } finally { $writer.Dispose() }
        }
        & $addText 'SeeMe.nuspec' $nuspec
        & $addText '[Content_Types].xml' $contentTypes
        & $addText '_rels/.rels' $rels
        $root = (Resolve-Path -LiteralPath $Stage).ProviderPath.TrimEnd('\', '/')
        foreach ($file in Get-ChildItem -LiteralPath $root -Recurse -File) {
            $relative = $file.FullName.Substring($root.Length + 1).Replace('\', '/')
            [System.IO.Compression.ZipFileExtensions]::CreateEntryFromFile($zip, $file.FullName, $relative) | Out-Null
        }
    }
    finally { $zip.Dispose() }
    Write-Host "Package: $nupkg"
}

$manifest = Get-ModuleManifestData
$stage = Join-Path $OutputPath "SeeMe/$($manifest.ModuleVersion)"
if (Test-Path -LiteralPath $stage) { Remove-Item -LiteralPath $stage -Recurse -Force }

Build-Module -Stage $stage
Build-Server -Stage $stage
Write-Host "Staged the module in $stage"

if ($Test) { Invoke-Tests -Stage $stage }
if ($Package) { New-ModulePackage -Stage $stage -Manifest $manifest }
