; Inno Setup 6 script of the RenoDesk installer for Windows (x64).
; Build steps: packaging/windows/README.md. In short, on a Windows build machine:
;   bash packaging/build.sh                                 (dist\RenoDesk\ with RenoDesk.exe)
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\renodesk.iss
; Result: dist\installer\RenoDesk-<version>-setup.exe
;
; Per-user install without administrator rights (%LOCALAPPDATA%\Programs\RenoDesk);
; IT can install for all users with /ALLUSERS. The workspace is not in the program folder:
; RenoDesk keeps it per user in %LOCALAPPDATA%\RenoDesk\RenoDesk (platformdirs), and the
; uninstaller leaves it unless the user ticks "also delete" or IT passes /DELETEDATA=yes.

#define AppName "RenoDesk"
#define Bundle AddBackslash(SourcePath) + "..\..\dist\RenoDesk"
#define AppExe "RenoDesk.exe"
; One version number: the .exe carries the package version (packaging/renodesk.spec).
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(Bundle + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error dist\RenoDesk\RenoDesk.exe is missing or has no version: run packaging/build.sh first
#endif

[Setup]
; Never change AppId: Windows recognises upgrades and the uninstaller by it.
AppId={{BB029CE9-6D16-4A2A-AF11-AC37EE195499}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=RenoDesk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
LicenseFile=..\licenses\GPL-3.0.txt
SetupIconFile=renodesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist\installer
OutputBaseFilename=RenoDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
ShowLanguageDialog=auto

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
nl.DeleteDataTitle=Ook uw RenoDesk-gegevens verwijderen?
nl.DeleteDataText=RenoDesk is verwijderd. Uw werkmap met huishoudens, bezoeken en brieven staat nog in:%n%1%n%nWilt u die ook verwijderen? Dat kan niet ongedaan worden gemaakt. Wijzigingen die nog niet gesynchroniseerd zijn, gaan dan verloren.%n%nKies Nee om de gegevens te bewaren (aanbevolen).
en.DeleteDataTitle=Also delete your RenoDesk data?
en.DeleteDataText=RenoDesk has been removed. Your workspace with households, visits and letters is still in:%n%1%n%nDo you want to delete it too? This cannot be undone. Changes that were not synchronised yet will be lost.%n%nChoose No to keep the data (recommended).
nl.DemoComment=Oefenen met fictieve gegevens; de echte werkruimte blijft apart
en.DemoComment=Practise with fictitious data; your real workspace stays separate
nl.DesktopIcon=Snelkoppeling op het bureaublad
en.DesktopIcon=Shortcut on the desktop

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; AppUserModelID: "nl.renodesk.RenoDesk"
Name: "{autoprograms}\{#AppName} (demo)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"; Comment: "{cm:DemoComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files the program itself may have written next to it (none are expected; the data is
; per user, see above).
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
{ The workspace of the user running the uninstaller (platformdirs: user_data_dir). }
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\RenoDesk');
end;

function WantsDataDeleted(): Boolean;
var
  Answer: String;
begin
  Answer := Lowercase(ExpandConstant('{param:DELETEDATA|no}'));
  if (Answer = 'yes') or (Answer = 'ja') or (Answer = '1') then
  begin
    Result := True;
    exit;
  end;
  Result := False;
  if UninstallSilent() then
    exit;  { a silent uninstall by IT keeps the data unless /DELETEDATA=yes }
  Result := SuppressibleMsgBox(
    CustomMessage('DeleteDataTitle') + #13#10#13#10 +
    FmtMessage(CustomMessage('DeleteDataText'), [DataFolder()]),
    mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataFolder()) then
    if WantsDataDeleted() then
      DelTree(DataFolder(), True, True, True);
end;
