#Requires -Version 5.1
<#
.SYNOPSIS
    Publishes a trained model file as a new version of a SeeMe model and makes that version the active one.
.DESCRIPTION
    Connects with SEEME_USERNAME, SEEME_API_KEY and SEEME_BACKEND (the CI secrets), creates the version -VersionName of the
    model -ModelName, uploads -Path to it (the model file, and e.g. labels.txt), and switches the model's active version
    to it only when every upload succeeded. Outputs the model with its new active version. Any failure stops the script
    with a non-zero exit code.
.EXAMPLE
    ./Publish-SeeMeModelVersion.ps1 -ModelName Birds -VersionName "build $env:GITHUB_RUN_NUMBER" -Path ./out/birds.onnx, ./out/labels.txt
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $ModelName,
    [Parameter(Mandatory = $true)] [string] $VersionName,
    [Parameter(Mandatory = $true)] [string[]] $Path,
    [string] $Description = ''
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

Connect-SeeMe | Out-Null
$model = Get-SeeMeModel -Name $ModelName
$version = New-SeeMeModelVersion -Model $model -Name $VersionName -Description $Description
Publish-SeeMeModel -Model $model -Version $version -LiteralPath $Path | Out-Null
Set-SeeMeModel -Model $model -ActiveVersion $version -PassThru
