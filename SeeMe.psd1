@{
    RootModule           = 'SeeMe.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0e8d0a-6a37-4f55-9d43-2f6f1a8c7e11'
    Author               = 'SeeMe for PowerShell contributors'
    CompanyName          = 'SeeMe for PowerShell'
    Copyright            = '(c) SeeMe for PowerShell contributors. MIT License.'
    Description          = 'Cmdlets for the SeeMe.ai machine-learning platform: models, versions, predictions, datasets, labels, items, annotations, export and import; plus a local SeeMe-compatible server for offline work and tests.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('SeeMe.Format.ps1xml')
    CmdletsToExport      = @(
        'Add-SeeMeShare'
        'Connect-SeeMe'
        'Disconnect-SeeMe'
        'Get-SeeMeApplication'
        'Get-SeeMeJob'
        'Get-SeeMeModel'
        'Get-SeeMeModelVersion'
        'Get-SeeMePrediction'
        'Get-SeeMeShare'
        'Invoke-SeeMePrediction'
        'New-SeeMeJob'
        'New-SeeMeModel'
        'New-SeeMeModelVersion'
        'Publish-SeeMeModel'
        'Register-SeeMeUser'
        'Remove-SeeMeJob'
        'Remove-SeeMeModel'
        'Remove-SeeMeModelVersion'
        'Remove-SeeMeShare'
        'Save-SeeMeModel'
        'Save-SeeMeModelLogo'
        'Set-SeeMeJob'
        'Set-SeeMeModel'
        'Set-SeeMeModelLogo'
        'Set-SeeMeModelVersion'
        'Set-SeeMePrediction'
        'Start-SeeMeLocalServer'
        'Stop-SeeMeLocalServer'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('SeeMe', 'SeeMe.ai', 'MachineLearning', 'AI', 'Datasets', 'ONNX', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/seeme-ai/seeme-powershell'
            LicenseUri   = 'https://github.com/seeme-ai/seeme-powershell/blob/main/LICENSE'
            ReleaseNotes = 'First release: the full cmdlet catalogue of the 0.13.7 Python SDK and the local server.'
        }
    }
}
