# Shared by the *.Tests.ps1 files: import the staged module and start a throwaway local server.
# build.ps1 -Test sets SEEME_MODULE_MANIFEST; otherwise the newest out/SeeMe/<version>/SeeMe.psd1 is used.

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
