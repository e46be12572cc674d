; Inno Setup 6 script for UnionDesk 工会台账: per-user install, no administrator rights.
; Build steps: installer/windows/README.md. Input: the PyInstaller one-folder build in
; ..\..\dist\UnionDesk (UnionDesk.exe for the GUI, uniondesk-cli.exe for selftest and scripts).
; Saved as UTF-8 with BOM so the Chinese text compiles correctly.

#define AppName "UnionDesk 工会台账"
#define AppVersion "0.1.0"
#define AppExe "UnionDesk.exe"

[Setup]
; Never change the AppId: upgrades and the uninstaller find earlier installs by it.
AppId={{6B1E2C74-3F0A-4D6B-9A8E-51C7D2E4F903}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=UnionDesk
; Per-user: {autopf} becomes %LOCALAPPDATA%\Programs, shortcuts go to the user's Start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\UnionDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Qt 6 needs Windows 10 or later, 64-bit.
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\..\resources\icons\uniondesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=Output
OutputBaseFilename=UnionDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Simplified Chinese always (the first language); English only with /LANG=english.
LanguageDetectionMethod=none
ShowLanguageDialog=no
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.RemoveDataQuestion=是否同时删除工会台账的数据（会员名册、评选、报表、签名证书和备份）？%n%n数据位置：%1%n%n选择“否”将保留数据，重新安装后可以继续使用。删除后无法恢复，请先确认已有备份。
english.RemoveDataQuestion=Also delete the UnionDesk data (member register, selections, returns, signing certificate and backups)?%n%nData folder: %1%n%nChoose "No" to keep it for a later reinstall. Deleted data cannot be recovered; make sure you have a backup first.
chinesesimplified.RemoveDataFailed=有些数据文件未能删除，请关闭 UnionDesk 后手动删除此文件夹：%n%1
english.RemoveDataFailed=Some data files could not be deleted. Close UnionDesk and delete this folder by hand:%n%1
chinesesimplified.SelfTest=UnionDesk 自检
english.SelfTest=UnionDesk self-test

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\UnionDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the whole program folder, so no module of an older version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{cm:SelfTest}"; Filename: "{cmd}"; Parameters: "/k ""{app}\uniondesk-cli.exe"" selftest"; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The user's data (%LOCALAPPDATA%\UnionDesk, platformdirs' per-user data folder) is kept unless
// the user says otherwise. A silent uninstall always keeps it.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\UnionDesk');
    if DirExists(DataDir) and not UninstallSilent() then
    begin
      if MsgBox(FmtMessage(CustomMessage('RemoveDataQuestion'), [DataDir]),
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      begin
        if not DelTree(DataDir, True, True, True) then
          MsgBox(FmtMessage(CustomMessage('RemoveDataFailed'), [DataDir]), mbError, MB_OK);
      end;
    end;
  end;
end;
