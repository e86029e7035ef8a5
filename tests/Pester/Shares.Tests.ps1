#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Sharing a model with another user of a local SeeMe server.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-StagedSeeMe
    $script:server = Start-SeeMeLocalServer

    # A second user, with a session of their own (Connect-SeeMe makes the last session current, so the owner connects last).
    $name = New-UniqueName 'friend'
    $password = ConvertTo-SecureString 'correct horse battery' -AsPlainText -Force
    $script:friendEmail = "$name@example.test"
    Register-SeeMeUser -Username $name -Email $script:friendEmail -Password $password -BaseUri $script:server.BaseUri | Out-Null
    $script:friend = Connect-SeeMe -Credential ([pscredential]::new($name, $password)) -BaseUri $script:server.BaseUri
    $script:server | Connect-SeeMe | Out-Null
}

AfterAll {
    Stop-TestSeeMeServer $script:server
}

Describe 'Shares' {
    It 'shares a model, lists the share and stops sharing it' {
        $model = New-SeeMeModel -Name (New-UniqueName 'Shared')
        $share = $model | Add-SeeMeShare -Email $script:friendEmail
        $share.Email | Should -Be $script:friendEmail
        $share.WithoutInvite | Should -BeTrue
        (Get-SeeMeModel -Session $script:friend).Id | Should -Contain $model.Id

        @(Get-SeeMeShare -Model $model).Count | Should -Be 1
        Get-SeeMeShare -Model $model | Remove-SeeMeShare -WhatIf
        (Get-SeeMeModel -Session $script:friend).Id | Should -Contain $model.Id

        Remove-SeeMeShare -Model $model -Email $script:friendEmail -Confirm:$false
        @(Get-SeeMeModel -Session $script:friend | Where-Object Id -eq $model.Id).Count | Should -Be 0
        { Remove-SeeMeShare -Model $model -Email $script:friendEmail -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ShareNotFound*'
    }

    It 'sends an invitation only with -SendInvite' {
        $model = New-SeeMeModel -Name (New-UniqueName 'Invited')
        ($model | Add-SeeMeShare -Email $script:friendEmail -SendInvite).WithoutInvite | Should -BeFalse
    }

    It 'shares a dataset, which the API cannot list or unshare' {
        $dataset = New-SeeMeDataset -Name (New-UniqueName 'SharedData')
        ($dataset | Add-SeeMeShare -Email $script:friendEmail).EntityType | Should -Be 'datasets'
        (Get-SeeMeDataset -Session $script:friend).Id | Should -Contain $dataset.Id
        (Get-Command Get-SeeMeShare).Parameters.Keys | Should -Not -Contain 'Dataset'
        (Get-Command Remove-SeeMeShare).Parameters.Keys | Should -Not -Contain 'Dataset'
    }
}
