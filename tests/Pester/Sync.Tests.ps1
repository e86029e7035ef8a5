#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Sync-SeeMeDatasetVersion as a CI job runs it: a child of this same PowerShell with -NonInteractive, connecting from
# SEEME_* variables, in a checkout whose ./data folder the dataset version follows.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:server = Start-TestSeeMeServer
    $script:manifest = Join-Path (Get-Module SeeMe).ModuleBase 'SeeMe.psd1'
    $script:images = Join-Path $PSScriptRoot 'TestModels'

    # Runs the CI line in the checkout; outputs the exit code and everything it wrote.
    function Invoke-CiSync([string] $Checkout, [string] $DatasetName, [string] $Options = '-Delete -Confirm:$false') {
        Set-SeeMeEnvironment $script:server
        try {
            $command = "Import-Module '$($script:manifest.Replace("'", "''"))'; `$ErrorActionPreference = 'Stop'; Set-Location '$($Checkout.Replace("'", "''"))'; " +
                "Connect-SeeMe | Out-Null; `$version = Get-SeeMeDataset -Name '$DatasetName' | Get-SeeMeDatasetVersion -Latest; " +
                "`$version | Sync-SeeMeDatasetVersion -Path ./data $Options | ForEach-Object { 'created={0} updated={1} deleted={2} unchanged={3}' -f `$_.Created, `$_.Updated, `$_.Deleted, `$_.Unchanged }"
            $output = Invoke-ChildPowerShell -NoProfile -NonInteractive -Command $command 2>&1 | Out-String
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output }
        }
        finally { Clear-SeeMeEnvironment }
    }

    function New-Checkout {
        $checkout = Join-Path $TestDrive (New-UniqueName 'checkout-')
        foreach ($file in 'train/red/red.png', 'train/green/green.png', 'valid/blue/blue.png') {
            $target = Join-Path $checkout "data/$file"
            New-Item -ItemType Directory -Path (Split-Path $target) -Force | Out-Null
            Copy-Item -LiteralPath (Join-Path $script:images (Split-Path $file -Leaf)) -Destination $target
        }
        $checkout
    }
}

AfterAll {
    Stop-TestSeeMeServer $script:server
}

Describe 'Sync-SeeMeDatasetVersion -Path ./data -Delete -Confirm:$false in a child pwsh -NonInteractive' {
    It 'creates the items, then sends only what changed, then nothing' {
        $name = New-UniqueName 'ci-sync'
        New-SeeMeDataset -Name $name -DefaultSplits | Out-Null
        $checkout = New-Checkout

        $first = Invoke-CiSync $checkout $name
        $first.ExitCode | Should -Be 0 -Because $first.Output
        $first.Output | Should -Match 'created=3 updated=0 deleted=0 unchanged=0'
        Test-Path (Join-Path $checkout 'data/.seeme/sync.json') | Should -BeTrue

        Copy-Item -LiteralPath (Join-Path $script:images 'blue.png') -Destination (Join-Path $checkout 'data/train/red/red.png') -Force
        Remove-Item -LiteralPath (Join-Path $checkout 'data/train/green/green.png')
        $second = Invoke-CiSync $checkout $name
        $second.ExitCode | Should -Be 0 -Because $second.Output
        $second.Output | Should -Match 'created=0 updated=1 deleted=1 unchanged=1'

        $third = Invoke-CiSync $checkout $name
        $third.Output | Should -Match 'created=0 updated=0 deleted=0 unchanged=2'
        $items = Get-SeeMeDataset -Name $name | Get-SeeMeDatasetVersion -Latest | Get-SeeMeDatasetItem
        @($items.Name | Sort-Object) | Should -Be @('blue', 'red')
    }

    It 'stops a sync that would delete without -Confirm:$false, with an error that says to add it, and deletes nothing' {
        $name = New-UniqueName 'ci-ask'
        New-SeeMeDataset -Name $name -DefaultSplits | Out-Null
        $checkout = New-Checkout
        (Invoke-CiSync $checkout $name).ExitCode | Should -Be 0
        Remove-Item -LiteralPath (Join-Path $checkout 'data/valid/blue/blue.png')

        $run = Invoke-CiSync $checkout $name '-Delete'

        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match ([regex]::Escape('Add -Confirm:$false'))
        @(Get-SeeMeDataset -Name $name | Get-SeeMeDatasetVersion -Latest | Get-SeeMeDatasetItem).Count | Should -Be 3
    }
}
