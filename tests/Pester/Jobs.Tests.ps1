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

    It 'creates a job waiting, with typed and labelled items, unless -Status says otherwise' {
        $job = New-SeeMeJob -Name (New-UniqueName 'Job') -JobType training -Setting ([ordered]@{ epochs = 3; lr = 0.5; arch = 'resnet' })
        $job.Status | Should -Be 'waiting'
        $job.Items.ValueType | Should -Be @('int', 'float', 'text')
        $job.Items.Label | Should -Be @('epochs', 'lr', 'arch')
        (New-SeeMeJob -Name (New-UniqueName 'Job') -JobType conversion -Status started).Status | Should -Be 'started'
    }

    It 'lists training jobs of every status by default, and narrows with -Status and -JobType' {
        $finished = New-SeeMeJob -Name (New-UniqueName 'Job') -JobType training -Status finished
        $conversion = New-SeeMeJob -Name (New-UniqueName 'Job') -JobType conversion
        (Get-SeeMeJob).Id | Should -Contain $finished.Id
        (Get-SeeMeJob).Id | Should -Not -Contain $conversion.Id
        (Get-SeeMeJob -Status waiting).Id | Should -Not -Contain $finished.Id
        (Get-SeeMeJob -JobType conversion).Id | Should -Contain $conversion.Id
    }

    It 'changes nothing with -WhatIf' {
        $job = New-SeeMeJob -Name (New-UniqueName 'Job') -JobType training
        $job | Set-SeeMeJob -Status finished -WhatIf
        $job | Remove-SeeMeJob -WhatIf
        (Get-SeeMeJob -Id $job.Id).Status | Should -Be $job.Status
    }
}
