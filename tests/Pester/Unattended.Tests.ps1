#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Scripts as CI runs them: a child of this same PowerShell (pwsh, or powershell.exe 5.1) with -NonInteractive,
# connecting from SEEME_* variables.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:server = Start-TestSeeMeServer
    $script:manifest = Join-Path (Get-Module SeeMe).ModuleBase 'SeeMe.psd1'

    function Invoke-Unattended([string] $Script) {
        Set-SeeMeEnvironment $script:server
        try {
            $command = "Import-Module '$($script:manifest.Replace("'", "''"))'; $Script"
            $output = Invoke-ChildPowerShell -NoProfile -NonInteractive -Command $command 2>&1 | Out-String
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output }
        }
        finally { Clear-SeeMeEnvironment }
    }
}

AfterAll {
    Stop-TestSeeMeServer $script:server
}

Describe 'A script run with -NonInteractive' {
    It 'stops a removal without -Confirm:$false with an error that says to add it, and removes nothing' {
        $name = New-UniqueName 'keep'
        New-SeeMeModel -Name $name | Out-Null
        $run = Invoke-Unattended "Connect-SeeMe | Out-Null; Get-SeeMeModel -Name '$name' | Remove-SeeMeModel"
        $run.Output | Should -Match ([regex]::Escape('Add -Confirm:$false'))
        @(Get-SeeMeModel -Name $name).Count | Should -Be 1
    }

    It 'removes with -Confirm:$false and exits 0' {
        $name = New-UniqueName 'gone'
        New-SeeMeModel -Name $name | Out-Null
        $run = Invoke-Unattended "`$ErrorActionPreference = 'Stop'; Connect-SeeMe | Out-Null; Get-SeeMeModel -Name '$name' | Remove-SeeMeModel -Confirm:`$false"
        $run.ExitCode | Should -Be 0
        @(Get-SeeMeModel | Where-Object Name -EQ $name).Count | Should -Be 0
    }

    It 'exits non-zero at the first failure with $ErrorActionPreference = Stop' {
        $run = Invoke-Unattended "`$ErrorActionPreference = 'Stop'; Connect-SeeMe | Out-Null; Get-SeeMeModel -Id 'no-such-model'; 'not reached'"
        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match 'no-such-model'
        $run.Output | Should -Not -Match 'not reached'
    }
}
