#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-SeeMeApplication against a local SeeMe server (its seeded application catalogue).

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:server = Start-TestSeeMeServer
}

AfterAll {
    Stop-TestSeeMeServer $script:server
}

Describe 'Get-SeeMeApplication' {
    It 'filters the catalogue by application type' {
        $applications = Get-SeeMeApplication -ApplicationType image_classification
        $applications | Should -Not -BeNullOrEmpty
        $applications | ForEach-Object { $_.ApplicationType | Should -Be 'image_classification' }
    }

    It 'finds the one application matching all five criteria' {
        $any = Get-SeeMeApplication -ApplicationType image_classification | Select-Object -First 1
        $found = Get-SeeMeApplication -ApplicationType $any.ApplicationType -Framework $any.Framework -FrameworkVersion $any.FrameworkVersion `
            -BaseFramework $any.BaseFramework -BaseFrameworkVersion $any.BaseFrameworkVersion
        @($found).Count | Should -Be 1
        $found.Id | Should -Be $any.Id
    }

    It 'fails with ApplicationNotSupported for an unknown combination' {
        { Get-SeeMeApplication -ApplicationType image_classification -Framework none -FrameworkVersion 0 -BaseFramework none -BaseFrameworkVersion 0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ApplicationNotSupported*'
    }
}
