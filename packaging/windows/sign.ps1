# Authenticode-sign files with the office's code-signing certificate, taken from two repository
# secrets: WINDOWS_CERTIFICATE_PFX_BASE64 (the .pfx file, base64-encoded) and WINDOWS_CERTIFICATE_PASSWORD.
# Without them this says so and leaves the files unsigned (Windows SmartScreen then warns on first run).
#   ./packaging/windows/sign.ps1 FILE...
# WINDOWS_TIMESTAMP_URL chooses the RFC 3161 time-stamping server (default: DigiCert's).
param([Parameter(Mandatory = $true, ValueFromRemainingArguments = $true)][string[]]$Files)
$ErrorActionPreference = 'Stop'

if (-not $env:WINDOWS_CERTIFICATE_PFX_BASE64 -or -not $env:WINDOWS_CERTIFICATE_PASSWORD) {
    Write-Host "::warning::Not signed: the repository secrets WINDOWS_CERTIFICATE_PFX_BASE64 and WINDOWS_CERTIFICATE_PASSWORD are not set ($($Files -join ', '))."
    exit 0
}
$timestamp = if ($env:WINDOWS_TIMESTAMP_URL) { $env:WINDOWS_TIMESTAMP_URL } else { 'http://timestamp.digicert.com' }
$signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
    Sort-Object { [version]($_.Directory.Parent.Name) } | Select-Object -Last 1
if (-not $signtool) { throw 'signtool.exe not found: install the Windows SDK' }

$pfx = Join-Path ([IO.Path]::GetTempPath()) "signing-$([guid]::NewGuid()).pfx"
[IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:WINDOWS_CERTIFICATE_PFX_BASE64))
try {
    & $signtool.FullName sign /fd SHA256 /td SHA256 /tr $timestamp /d 'Privacy Checkup' `
        /f $pfx /p $env:WINDOWS_CERTIFICATE_PASSWORD $Files
    if ($LASTEXITCODE) { exit $LASTEXITCODE }
    & $signtool.FullName verify /pa /all $Files
    if ($LASTEXITCODE) { exit $LASTEXITCODE }
} finally {
    Remove-Item -Force $pfx
}
Write-Host "Signed: $($Files -join ', ')"
