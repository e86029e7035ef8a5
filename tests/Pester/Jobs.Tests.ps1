#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The job cmdlets against a local SeeMe server.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:server = Start-TestSeeMeServer
}

AfterAll {
    Stop-TestSeeMeServer $script:server
}

Describe 'Jobs' {
    It 'creates, changes and removes a job' {
        $job = New-SeeMeJob -Name (New-UniqueName 'Job') -JobType training -Setting @{ epochs = 3 }
        ($job | Set-SeeMeJob -Status started -PassThru).Status | Should -Be 'started'
        $job | Remove-SeeMeJob -Confirm:$false
        { Get-SeeMeJob -Id $job.Id -ErrorAction Stop } | Should -Throw -ErrorId 'JobNotFound*'
    }

    It 'changes nothing with -WhatIf' {
        $job = New-SeeMeJob -Name (New-UniqueName 'Job') -JobType training
        $job | Set-SeeMeJob -Status finished -WhatIf
        $job | Remove-SeeMeJob -WhatIf
        (Get-SeeMeJob -Id $job.Id).Status | Should -Be $job.Status
    }
}
