# Try the built installer as an office's deployment would: install silently, run the installed
# console program's --self-test, check that only administrators (and SYSTEM) can write the office
# folder, then uninstall silently and check that the program is gone and the office folder is kept.
#   ./packaging/windows/test-installer.ps1      (run as an administrator, after ISCC built dist\PrivacyCheckupSetup-*.exe)
$ErrorActionPreference = 'Stop'
$setup = (Get-Item dist\PrivacyCheckupSetup-*.exe | Select-Object -First 1).FullName
$app = Join-Path $env:ProgramFiles 'Privacy Checkup'
$office = Join-Path $env:ProgramData 'privacy-checkup'

$install = Start-Process $setup -Wait -PassThru -ArgumentList '/VERYSILENT', '/SUPPRESSMSGBOXES', '/NORESTART', '/SP-', '/LOG=install.log'
if ($install.ExitCode -ne 0) { Get-Content install.log; throw "silent install exited with $($install.ExitCode)" }

& "$app\privacy-checkup-cli.exe" --self-test
if ($LASTEXITCODE) { throw "the installed program's self-test exited with $LASTEXITCODE" }

# Who may change the office folder: Administrators (S-1-5-32-544) and SYSTEM (S-1-5-18) only.
$admins = 'S-1-5-32-544', 'S-1-5-18'
# Rights that change the folder or what is in it (FileSystemRights bits, and the generic write and all).
$writing = 0x2 -bor 0x4 -bor 0x10 -bor 0x40 -bor 0x100 -bor 0x10000 -bor 0x40000 -bor 0x80000 -bor 0x10000000 -bor 0x40000000
foreach ($path in @($office) + @(Get-ChildItem -Recurse -Force $office | ForEach-Object FullName)) {
    $acl = Get-Acl $path
    if ($path -eq $office -and -not $acl.AreAccessRulesProtected) { throw "$path still inherits permissions from ProgramData" }
    $owner = (New-Object Security.Principal.NTAccount $acl.Owner).Translate([Security.Principal.SecurityIdentifier]).Value
    if ($owner -notin $admins) { throw "$path is owned by $($acl.Owner), not by Administrators" }
    foreach ($rule in $acl.Access) {
        $sid = $rule.IdentityReference.Translate([Security.Principal.SecurityIdentifier]).Value
        if ($rule.AccessControlType -eq 'Allow' -and ([int64]$rule.FileSystemRights -band $writing) -and $sid -notin $admins) {
            throw "$path lets $($rule.IdentityReference) change it ($($rule.FileSystemRights))"
        }
    }
}
Write-Host "Office folder: only Administrators and SYSTEM can write $office"

$uninstaller = Join-Path $app 'unins000.exe'
$uninstall = Start-Process $uninstaller -Wait -PassThru -ArgumentList '/VERYSILENT', '/SUPPRESSMSGBOXES', '/NORESTART'
if ($uninstall.ExitCode -ne 0) { throw "silent uninstall exited with $($uninstall.ExitCode)" }
# The uninstaller hands over to a copy of itself in the temporary folder and returns: wait for it.
for ($i = 0; $i -lt 120 -and (Test-Path "$app\privacy-checkup.exe"); $i++) { Start-Sleep -Seconds 1 }
if (Test-Path "$app\privacy-checkup.exe") { throw 'the program is still installed after the silent uninstall' }
if (-not (Test-Path $office)) { throw 'the uninstaller removed the office folder' }
Write-Host 'Silent install, self-test and silent uninstall passed; the office folder was kept.'
