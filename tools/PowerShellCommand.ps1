# How to start another process of the PowerShell running this script, whatever way it was installed: an installed
# pwsh or powershell.exe (Windows PowerShell 5.1) is its own process, but PowerShell run as a .NET tool
# (`dotnet pwsh`, from .config/dotnet-tools.json) is the process dotnet, running pwsh.dll from $PSHOME.
# Dot-sourced by build.ps1 and tests/Pester/TestHelpers.ps1.

function Get-PowerShellCommandLine {
    $process = (Get-Process -Id $PID).Path
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    @($process)
}

# A simple function on purpose (see build.ps1's Invoke-Dotnet): $args passes -NoProfile, -Command and the rest through.
function Invoke-ChildPowerShell {
    $commandLine = @(Get-PowerShellCommandLine)
    $leading = @($commandLine | Select-Object -Skip 1)
    & $commandLine[0] @leading @args
}
