<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminSettingsPanel</name>
    <message>
        <source>Security and backups</source>
        <translation>安全与备份</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Lock the window after this many idle minutes</source>
        <translation>无操作多少分钟后锁定窗口</translation>
    </message>
    <message>
        <source>Daily automatic backups to keep</source>
        <translation>保留的每日自动备份份数</translation>
    </message>
    <message>
        <source>Weekly automatic backups to keep</source>
        <translation>保留的每周自动备份份数</translation>
    </message>
    <message>
        <source>Monthly automatic backups to keep</source>
        <translation>保留的每月自动备份份数</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>UnionDesk is already open for the data folder {folder}; switched to that window.</source>
        <translation>UnionDesk 已打开数据文件夹 {folder}，已切换到该窗口。</translation>
    </message>
    <message>
        <source>The backup {file} was restored. The database it replaced was kept in the backups folder.</source>
        <translation>已恢复备份 {file}。被替换的数据库已保留在备份文件夹中。</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Status change</source>
        <translation>会籍变动</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Log-in refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Full numbers shown</source>
        <translation>查看完整号码</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <source>Union profile</source>
        <translation>工会信息</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验操作日志</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <source>Checking the audit log…</source>
        <translation>正在校验操作日志…</translation>
    </message>
    <message>
        <source>OK: all {count} entries are intact.</source>
        <translation>校验通过：全部 {count} 条记录完好。</translation>
    </message>
    <message>
        <source>The audit log was tampered with: an entry before entry {entry} was removed or changed ({count} entries checked).</source>
        <translation>操作日志已被篡改：第 {entry} 条之前的记录被删除或修改过（已校验 {count} 条）。请立即报告管理员，并保留现有数据以便核查。</translation>
    </message>
    <message>
        <source>The audit log was tampered with: entry {entry} was edited after it was written ({count} entries checked).</source>
        <translation>操作日志已被篡改：第 {entry} 条记录在写入后被修改过（已校验 {count} 条）。请立即报告管理员，并保留现有数据以便核查。</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>Taken at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Back up to a file…</source>
        <translation>备份到文件…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The backup was saved as {file}.</source>
        <translation>备份已保存为 {file}。</translation>
    </message>
    <message>
        <source>Back up to a file</source>
        <translation>备份到文件</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Replace the current data with the backup {file}? Changes made since it was taken are lost; the current data is kept as a backup first.</source>
        <translation>确定用备份 {file} 替换当前数据吗？该备份之后所做的更改将丢失；当前数据会先另存为一份备份。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>An administrator set your password. Choose your own before you continue.</source>
        <translation>管理员为您重置了密码。请先设置您自己的新密码再继续。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type them again.</source>
        <translation>两次输入的新密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>UnionDesk: trade-union registers and returns.</source>
        <translation>UnionDesk 工会台账：会员台账管理与报表。</translation>
    </message>
    <message>
        <source>folder that holds the database (default: UNIONDESK_HOME or the user data folder)</source>
        <translation>存放数据库的文件夹（默认：UNIONDESK_HOME 或用户数据文件夹）</translation>
    </message>
    <message>
        <source>keep all data in the folder UnionDeskData beside the program (for a USB stick); a file portable.txt beside the program does the same</source>
        <translation>将全部数据保存在程序所在位置的 UnionDeskData 文件夹中（适用于U盘）；在程序旁放置 portable.txt 文件效果相同</translation>
    </message>
    <message>
        <source>create a new database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>full name of the union</source>
        <translation>工会全称</translation>
    </message>
    <message>
        <source>unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>user name of the first administrator (with --admin-password-file)</source>
        <translation>第一个管理员的用户名（须同时给出 --admin-password-file）</translation>
    </message>
    <message>
        <source>file whose first line is the administrator&apos;s password</source>
        <translation>密码文件，第一行为管理员密码</translation>
    </message>
    <message>
        <source>fill the database with demo members</source>
        <translation>向数据库填入演示会员</translation>
    </message>
    <message>
        <source>how many members</source>
        <translation>会员人数</translation>
    </message>
    <message>
        <source>add demo members only when the register is empty</source>
        <translation>仅在台账为空时添加演示会员</translation>
    </message>
    <message>
        <source>password of the demo administrator &apos;admin&apos; (default: a generated one, printed)</source>
        <translation>演示管理员 admin 的密码（默认随机生成并显示）</translation>
    </message>
    <message>
        <source>audit trail</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>check that no audit entry was edited, removed or reordered</source>
        <translation>检查操作日志是否被修改、删除或调换顺序</translation>
    </message>
    <message>
        <source>member register</source>
        <translation>会员台账</translation>
    </message>
    <message>
        <source>find members (masked)</source>
        <translation>查找会员（敏感信息脱敏显示）</translation>
    </message>
    <message>
        <source>name, pinyin initials, ID tail or card number</source>
        <translation>姓名、拼音首字母、证件号码末几位或会员证号</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>以 JSON 格式输出</translation>
    </message>
    <message>
        <source>back up and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>back up the database now</source>
        <translation>立即备份数据库</translation>
    </message>
    <message>
        <source>file or folder to write to (default: the backups folder)</source>
        <translation>备份写入的文件或文件夹（默认：备份文件夹）</translation>
    </message>
    <message>
        <source>list the backups</source>
        <translation>列出备份</translation>
    </message>
    <message>
        <source>replace the database with a backup (checked first; the old one is kept)</source>
        <translation>用备份替换数据库（先检查备份；原数据库会保留）</translation>
    </message>
    <message>
        <source>the backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>Give --admin-user and --admin-password-file together.</source>
        <translation>--admin-user 和 --admin-password-file 须同时给出。</translation>
    </message>
    <message>
        <source>The password file cannot be read: {reason}</source>
        <translation>无法读取密码文件：{reason}</translation>
    </message>
    <message>
        <source>Created the database {file}.</source>
        <translation>已创建数据库 {file}。</translation>
    </message>
    <message>
        <source>Audit log OK: {count} entries, none edited, removed or reordered.</source>
        <translation>操作日志完好：共 {count} 条，没有被修改、删除或调换顺序。</translation>
    </message>
    <message>
        <source>Audit log BROKEN at entry {id}: its content was edited after it was written.</source>
        <translation>操作日志已被破坏：第 {id} 条记录在写入后被修改过。</translation>
    </message>
    <message>
        <source>Audit log BROKEN at entry {id}: an entry before it was removed or changed.</source>
        <translation>操作日志已被破坏：第 {id} 条之前的记录被删除或修改过。</translation>
    </message>
    <message>
        <source>The number of members cannot be negative.</source>
        <translation>会员人数不能为负数，请填写 0 或正整数。</translation>
    </message>
    <message>
        <source>Created a demo database in {folder}.</source>
        <translation>已在 {folder} 中创建演示数据库。</translation>
    </message>
    <message>
        <source>The register already has members; no demo members were added.</source>
        <translation>台账中已有会员，未添加演示会员。</translation>
    </message>
    <message>
        <source>Added {count} demo members.</source>
        <translation>已添加 {count} 名演示会员。</translation>
    </message>
    <message>
        <source>Demo administrator: user name admin, password {password}</source>
        <translation>演示管理员：用户名 admin，密码 {password}</translation>
    </message>
    <message>
        <source>--limit must be at least 1.</source>
        <translation>--limit 不能小于 1，请重新指定。</translation>
    </message>
    <message>
        <source>Members found: {count}</source>
        <translation>共找到 {count} 名会员</translation>
    </message>
    <message>
        <source>Backed up the database to {file}.</source>
        <translation>已将数据库备份到 {file}。</translation>
    </message>
    <message>
        <source>Backups found: {count}</source>
        <translation>共找到 {count} 个备份</translation>
    </message>
    <message>
        <source>UnionDesk is open on the data folder {folder}. Close it, then restore again.</source>
        <translation>UnionDesk 正在使用数据文件夹 {folder}。请先关闭 UnionDesk，然后重新恢复。</translation>
    </message>
    <message>
        <source>Restored the database from {file}.</source>
        <translation>已从 {file} 恢复数据库。</translation>
    </message>
    <message>
        <source>The replaced database was kept as {file}.</source>
        <translation>被替换的数据库已保留为 {file}。</translation>
    </message>
    <message>
        <source>The unreadable database was kept as {file}.</source>
        <translation>无法读取的数据库已保留为 {file}。</translation>
    </message>
    <message>
        <source>There is no database in {folder}. Create one with &apos;uniondesk --data-dir DIR init&apos; first.</source>
        <translation>{folder} 中没有数据库。请先运行 &apos;uniondesk --data-dir DIR init&apos; 创建数据库。</translation>
    </message>
</context>
<context>
    <name>ComingLaterPage</name>
    <message>
        <source>{area} is not available in this version yet. It will come in a later update; nothing you enter elsewhere depends on it.</source>
        <translation>当前版本暂未提供“{area}”功能，将在后续更新中推出；其他功能中录入的内容均不受影响。</translation>
    </message>
</context>
<context>
    <name>DepartmentsDialog</name>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Add top level…</source>
        <translation>新增单位…</translation>
    </message>
    <message>
        <source>Add sub-department…</source>
        <translation>新增下级部门…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Add top level</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Name of the enterprise or unit:</source>
        <translation>企业或单位名称：</translation>
    </message>
    <message>
        <source>Name of the new department under “{parent}”:</source>
        <translation>“{parent}”下新部门的名称：</translation>
    </message>
    <message>
        <source>Add sub-department</source>
        <translation>新增下级部门</translation>
    </message>
    <message>
        <source>Rename department</source>
        <translation>重命名部门</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Delete department</source>
        <translation>删除部门</translation>
    </message>
    <message>
        <source>Delete the department “{name}”?</source>
        <translation>确定删除部门“{name}”吗？</translation>
    </message>
</context>
<context>
    <name>Enum</name>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>HK/Macao/Taiwan residence permit</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>Foreigner permanent residence ID</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>CPC member</source>
        <translation>中共党员</translation>
    </message>
    <message>
        <source>CPC probationary member</source>
        <translation>中共预备党员</translation>
    </message>
    <message>
        <source>Communist Youth League member</source>
        <translation>共青团员</translation>
    </message>
    <message>
        <source>Democratic party member</source>
        <translation>民主党派</translation>
    </message>
    <message>
        <source>Non-partisan</source>
        <translation>无党派人士</translation>
    </message>
    <message>
        <source>Ordinary citizen</source>
        <translation>群众</translation>
    </message>
    <message>
        <source>Primary school or below</source>
        <translation>小学及以下</translation>
    </message>
    <message>
        <source>Junior middle school</source>
        <translation>初中</translation>
    </message>
    <message>
        <source>Senior middle / vocational school</source>
        <translation>高中/中专/技校</translation>
    </message>
    <message>
        <source>Junior college</source>
        <translation>大学专科</translation>
    </message>
    <message>
        <source>Bachelor</source>
        <translation>大学本科</translation>
    </message>
    <message>
        <source>Postgraduate</source>
        <translation>研究生</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Apprentice</source>
        <translation>学徒工</translation>
    </message>
    <message>
        <source>Junior worker</source>
        <translation>初级工</translation>
    </message>
    <message>
        <source>Intermediate worker</source>
        <translation>中级工</translation>
    </message>
    <message>
        <source>Senior worker</source>
        <translation>高级工</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Senior technician</source>
        <translation>高级技师</translation>
    </message>
    <message>
        <source>Special technician</source>
        <translation>特级技师</translation>
    </message>
    <message>
        <source>Chief technician</source>
        <translation>首席技师</translation>
    </message>
    <message>
        <source>This city</source>
        <translation>本市</translation>
    </message>
    <message>
        <source>Other province or city</source>
        <translation>外省市</translation>
    </message>
    <message>
        <source>Agricultural</source>
        <translation>农业</translation>
    </message>
    <message>
        <source>Non-agricultural</source>
        <translation>非农业</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>入会</translation>
    </message>
    <message>
        <source>Transfer in</source>
        <translation>转入</translation>
    </message>
    <message>
        <source>Transfer out</source>
        <translation>转出</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>退会</translation>
    </message>
    <message>
        <source>Expel</source>
        <translation>除名</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>去世</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>已转出</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已退会</translation>
    </message>
    <message>
        <source>Expelled</source>
        <translation>已除名</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已去世</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>录入员</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评委</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>查看</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The file could not be written: {reason}. Check that the disk is not full and the folder is writable, then try again.</source>
        <translation>无法写入文件：{reason}。请检查磁盘空间是否已满、文件夹是否允许写入，然后重试。</translation>
    </message>
    <message>
        <source>An unexpected error occurred. Your data was not changed. Details are in the log folder.</source>
        <translation>发生意外错误，数据未做任何更改。详细信息见日志文件夹。</translation>
    </message>
    <message>
        <source>Nothing was saved because the disk is full. Your input is still here: free some disk space (empty the recycle bin, delete large files), then save again.</source>
        <translation>磁盘空间已满，未保存任何内容。已填写的内容仍然保留：请释放磁盘空间（清空回收站、删除大文件）后重新保存。</translation>
    </message>
    <message>
        <source>Nothing was saved because the data folder is read-only. Your input is still here: check that you may write to the folder (or that the USB stick is not write-protected), or start UnionDesk with another data folder, then save again.</source>
        <translation>数据文件夹为只读，未保存任何内容。已填写的内容仍然保留：请检查是否有该文件夹的写入权限（或U盘是否处于写保护状态），或使用其他数据文件夹启动 UnionDesk，然后重新保存。</translation>
    </message>
    <message>
        <source>UnionDesk</source>
        <translation>UnionDesk</translation>
    </message>
</context>
<context>
    <name>Ethnicity</name>
    <message>
        <source>Han</source>
        <translation>汉族</translation>
    </message>
    <message>
        <source>Mongol</source>
        <translation>蒙古族</translation>
    </message>
    <message>
        <source>Hui</source>
        <translation>回族</translation>
    </message>
    <message>
        <source>Tibetan</source>
        <translation>藏族</translation>
    </message>
    <message>
        <source>Uyghur</source>
        <translation>维吾尔族</translation>
    </message>
    <message>
        <source>Miao</source>
        <translation>苗族</translation>
    </message>
    <message>
        <source>Yi</source>
        <translation>彝族</translation>
    </message>
    <message>
        <source>Zhuang</source>
        <translation>壮族</translation>
    </message>
    <message>
        <source>Bouyei</source>
        <translation>布依族</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>朝鲜族</translation>
    </message>
    <message>
        <source>Manchu</source>
        <translation>满族</translation>
    </message>
    <message>
        <source>Dong</source>
        <translation>侗族</translation>
    </message>
    <message>
        <source>Yao</source>
        <translation>瑶族</translation>
    </message>
    <message>
        <source>Bai</source>
        <translation>白族</translation>
    </message>
    <message>
        <source>Tujia</source>
        <translation>土家族</translation>
    </message>
    <message>
        <source>Hani</source>
        <translation>哈尼族</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>哈萨克族</translation>
    </message>
    <message>
        <source>Dai</source>
        <translation>傣族</translation>
    </message>
    <message>
        <source>Li</source>
        <translation>黎族</translation>
    </message>
    <message>
        <source>Lisu</source>
        <translation>傈僳族</translation>
    </message>
    <message>
        <source>Va</source>
        <translation>佤族</translation>
    </message>
    <message>
        <source>She</source>
        <translation>畲族</translation>
    </message>
    <message>
        <source>Gaoshan</source>
        <translation>高山族</translation>
    </message>
    <message>
        <source>Lahu</source>
        <translation>拉祜族</translation>
    </message>
    <message>
        <source>Sui</source>
        <translation>水族</translation>
    </message>
    <message>
        <source>Dongxiang</source>
        <translation>东乡族</translation>
    </message>
    <message>
        <source>Naxi</source>
        <translation>纳西族</translation>
    </message>
    <message>
        <source>Jingpo</source>
        <translation>景颇族</translation>
    </message>
    <message>
        <source>Kyrgyz</source>
        <translation>柯尔克孜族</translation>
    </message>
    <message>
        <source>Tu</source>
        <translation>土族</translation>
    </message>
    <message>
        <source>Daur</source>
        <translation>达斡尔族</translation>
    </message>
    <message>
        <source>Mulao</source>
        <translation>仫佬族</translation>
    </message>
    <message>
        <source>Qiang</source>
        <translation>羌族</translation>
    </message>
    <message>
        <source>Blang</source>
        <translation>布朗族</translation>
    </message>
    <message>
        <source>Salar</source>
        <translation>撒拉族</translation>
    </message>
    <message>
        <source>Maonan</source>
        <translation>毛南族</translation>
    </message>
    <message>
        <source>Gelao</source>
        <translation>仡佬族</translation>
    </message>
    <message>
        <source>Xibe</source>
        <translation>锡伯族</translation>
    </message>
    <message>
        <source>Achang</source>
        <translation>阿昌族</translation>
    </message>
    <message>
        <source>Pumi</source>
        <translation>普米族</translation>
    </message>
    <message>
        <source>Tajik</source>
        <translation>塔吉克族</translation>
    </message>
    <message>
        <source>Nu</source>
        <translation>怒族</translation>
    </message>
    <message>
        <source>Uzbek</source>
        <translation>乌孜别克族</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄罗斯族</translation>
    </message>
    <message>
        <source>Evenki</source>
        <translation>鄂温克族</translation>
    </message>
    <message>
        <source>De&apos;ang</source>
        <translation>德昂族</translation>
    </message>
    <message>
        <source>Bonan</source>
        <translation>保安族</translation>
    </message>
    <message>
        <source>Yugur</source>
        <translation>裕固族</translation>
    </message>
    <message>
        <source>Gin</source>
        <translation>京族</translation>
    </message>
    <message>
        <source>Tatar</source>
        <translation>塔塔尔族</translation>
    </message>
    <message>
        <source>Derung</source>
        <translation>独龙族</translation>
    </message>
    <message>
        <source>Oroqen</source>
        <translation>鄂伦春族</translation>
    </message>
    <message>
        <source>Hezhen</source>
        <translation>赫哲族</translation>
    </message>
    <message>
        <source>Monba</source>
        <translation>门巴族</translation>
    </message>
    <message>
        <source>Lhoba</source>
        <translation>珞巴族</translation>
    </message>
    <message>
        <source>Jino</source>
        <translation>基诺族</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>This database has no user accounts yet. Create the administrator who manages users, backups and settings. Passwords need at least {minimum} characters.</source>
        <translation>此数据库还没有用户账号。请创建管理员，由其管理用户、备份和设置。密码至少 {minimum} 个字符。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to UnionDesk</source>
        <translation>欢迎使用 UnionDesk 工会台账</translation>
    </message>
    <message>
        <source>e.g. XX有限公司工会委员会</source>
        <translation>例如：XX有限公司工会委员会</translation>
    </message>
    <message>
        <source>18 characters, from the union&apos;s certificate</source>
        <translation>18位，见工会法人资格证书</translation>
    </message>
    <message>
        <source>No database was found in {folder}. Enter your union&apos;s details to create one. They appear on every return.</source>
        <translation>在 {folder} 中未找到数据库。请填写本工会信息以新建数据库，这些信息将显示在每份报表上。</translation>
    </message>
    <message>
        <source>Union name</source>
        <translation>工会名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Administrator account (manages users, backups and settings; at least {minimum} characters of password)</source>
        <translation>管理员账号（管理用户、备份和设置；密码至少 {minimum} 个字符）</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改内容</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>UnionDesk is locked</source>
        <translation>UnionDesk 已锁定</translation>
    </message>
    <message>
        <source>UnionDesk was locked because nobody used it for a while. Enter the password of {user} to continue; open forms keep what was typed in them.</source>
        <translation>由于一段时间无人操作，UnionDesk 已锁定。请输入 {user} 的密码继续使用；已打开窗口中填写的内容会保留。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to UnionDesk</source>
        <translation>登录 UnionDesk 工会台账</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>UnionDesk — {union}</source>
        <translation>UnionDesk 工会台账 — {union}</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>UnionDesk</source>
        <translation>UnionDesk 工会台账</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>评选</translation>
    </message>
    <message>
        <source>Competitions</source>
        <translation>竞赛</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>UnionDesk was started again; it stays open only once per data folder.</source>
        <translation>UnionDesk 被再次启动；同一数据文件夹只能打开一个窗口，已切换到当前窗口。</translation>
    </message>
</context>
<context>
    <name>MemberFormDialog</name>
    <message>
        <source>Edit member: {name}</source>
        <translation>编辑会员：{name}</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>新增会员</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>Worker in hardship</source>
        <translation>困难职工</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Household registration</source>
        <translation>户籍</translation>
    </message>
    <message>
        <source>Registration type</source>
        <translation>户口性质</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Skill level</source>
        <translation>职业技能等级</translation>
    </message>
    <message>
        <source>Started work</source>
        <translation>参加工作日期</translation>
    </message>
    <message>
        <source>Join date</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>会员证号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>ID and contact</source>
        <translation>证件与联系方式</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作信息</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会籍信息</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Your account is not allowed to see full ID and mobile numbers.</source>
        <translation>您的账号无权查看完整的证件号码和手机号码。如确需查看，请联系管理员。</translation>
    </message>
    <message>
        <source>Membership history</source>
        <translation>会籍变动记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Masked. Use Show full numbers to see or change it.</source>
        <translation>已隐去部分号码。如需查看或修改，请点击“显示完整号码”。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>The member was not saved. Correct the {count} problem(s) shown in red, then save again.</source>
        <translation>会员信息未保存。请更正红色标出的 {count} 处问题，然后重新保存。</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>会员证号</translation>
    </message>
    <message>
        <source>Skill level</source>
        <translation>技能等级</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Join date</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>会籍状态</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Search by name, pinyin initials, last digits of the ID number, or card number</source>
        <translation>按姓名、拼音首字母、证件号码末几位或会员证号查找</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Membership change…</source>
        <translation>会籍变动…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Departments…</source>
        <translation>部门…</translation>
    </message>
    <message>
        <source>Your account may view the register but not change it.</source>
        <translation>您的账号只能查看台账，不能修改。如需修改，请联系管理员。</translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation>共 {count} 名会员</translation>
    </message>
    <message>
        <source>Delete member</source>
        <translation>删除会员</translation>
    </message>
    <message>
        <source>Reason for deleting (optional):</source>
        <translation>删除原因（选填）：</translation>
    </message>
    <message>
        <source>Delete {name} (card {card}) from the register? The membership history is kept, but the member no longer appears in lists.</source>
        <translation>确定将 {name}（会员证号 {card}）从台账中删除吗？会籍变动记录将保留，但该会员不再出现在列表中。</translation>
    </message>
</context>
<context>
    <name>MembershipChangeDialog</name>
    <message>
        <source>Membership change: {name}</source>
        <translation>会籍变动：{name}</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Current status</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动类型</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The change was not recorded. Correct what is shown in red.</source>
        <translation>会籍变动未登记。请更正红色标出的内容后重试。</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Tick to enter the date; leave empty if not known</source>
        <translation>勾选后填写日期；日期不详可不勾选</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>The database cannot be read</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>恢复此备份</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The database file {file} is damaged or is not a UnionDesk database. It has not been changed or overwritten.</source>
        <translation>数据库文件 {file} 已损坏或不是 UnionDesk 数据库。该文件未被更改或覆盖。</translation>
    </message>
    <message>
        <source>No usable backup was found in {folder}. Quit, then copy a backup into that folder, or ask for help; keep the damaged file.</source>
        <translation>在 {folder} 中未找到可用的备份。请退出程序，将备份文件复制到该文件夹，或寻求技术支持；请保留已损坏的文件。</translation>
    </message>
    <message>
        <source>The newest good backup was taken on {time}:
{file}

Restore it? Changes made after that time are lost; the damaged file is kept beside the database, renamed with .broken and the time.</source>
        <translation>最近一份完好的备份时间为 {time}：
{file}

确定恢复该备份吗？此后所做的更改将丢失；已损坏的文件会保留在数据库旁，并以 .broken 加时间重命名。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password: {user}</source>
        <translation>重置密码：{user}</translation>
    </message>
    <message>
        <source>{user} must replace this password with their own at the next log-in. A locked account is unlocked.</source>
        <translation>{user} 下次登录时须将此密码改为自己的密码。如账号已锁定，将同时解锁。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>ReviewerPage</name>
    <message>
        <source>Reviewers see only the review rounds assigned to them, not the member register. Review rounds come with the selection module in a later update.</source>
        <translation>评委只能查看分配给自己的评审轮次，不能查看会员台账。评审轮次将随评选功能在后续更新中推出。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>The new language is used after a restart.</source>
        <translation>新的界面语言将在重新启动后生效。</translation>
    </message>
    <message>
        <source>Union</source>
        <translation>工会</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>May see full ID and mobile numbers</source>
        <translation>可查看完整的证件号码和手机号码</translation>
    </message>
    <message>
        <source>Account disabled (cannot log in)</source>
        <translation>停用账号（不能登录）</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>The new user must choose their own password at the first log-in. Passwords need at least {minimum} characters.</source>
        <translation>新用户首次登录时须设置自己的密码。密码至少 {minimum} 个字符。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Edit user: {user}</source>
        <translation>编辑用户：{user}</translation>
    </message>
    <message>
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Sees full numbers</source>
        <translation>可查看完整号码</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Last log-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Only mainland China mobile numbers (+86) can be entered. Enter a mainland number, or leave the field empty.</source>
        <translation>只能填写中国大陆手机号码（+86）。请填写大陆手机号码，或将此项留空。</translation>
    </message>
    <message>
        <source>The mobile number contains “{char}”, which is not a digit. Type digits only; spaces, hyphens and +86 are removed for you.</source>
        <translation>手机号码中含有非数字字符“{char}”。请只输入数字；空格、连字符和 +86 会自动去除。</translation>
    </message>
    <message>
        <source>The mobile number has {length} digits, but a mainland mobile number has 11. Check for a missing or extra digit.</source>
        <translation>手机号码为 {length} 位，而大陆手机号码应为 11 位。请检查是否少输或多输了数字。</translation>
    </message>
    <message>
        <source>A mainland mobile number starts with 13 to 19, but this one starts with {prefix}. Enter a mobile number (not a landline), or leave the field empty.</source>
        <translation>大陆手机号码以 13 至 19 开头，而该号码以 {prefix} 开头。请填写手机号码（不是固定电话），或将此项留空。</translation>
    </message>
    <message>
        <source>The ID number is missing. Enter the number shown on the document.</source>
        <translation>证件号码未填写。请按证件上的号码填写。</translation>
    </message>
    <message>
        <source>The ID number has {length} characters, but this document type has {expected}. Check for a missing or extra character.</source>
        <translation>证件号码为 {length} 位，而该类证件号码应为 {expected} 位。请检查是否少输或多输了字符。</translation>
    </message>
    <message>
        <source>The ID number contains “{char}” at position {position}. Only digits are allowed, and X only as the last character; correct that character.</source>
        <translation>证件号码第 {position} 位为“{char}”。号码只能由数字组成，X 只能出现在最后一位，请更正该字符。</translation>
    </message>
    <message>
        <source>The birth date in the ID number, {date}, does not exist. Check digits 7 to 14 against the document.</source>
        <translation>证件号码中的出生日期 {date} 不存在。请对照证件核对第 7 至 14 位。</translation>
    </message>
    <message>
        <source>The birth date in the ID number, {date}, is in the future. Check digits 7 to 14 against the document.</source>
        <translation>证件号码中的出生日期 {date} 晚于今天。请对照证件核对第 7 至 14 位。</translation>
    </message>
    <message>
        <source>The birth date in the ID number, {date}, is before {year}. Check digits 7 to 14 against the document.</source>
        <translation>证件号码中的出生日期 {date} 早于 {year} 年。请对照证件核对第 7 至 14 位。</translation>
    </message>
    <message>
        <source>The check character of this ID number is wrong ({expected} expected from the first 17 digits). Check the number against the card.</source>
        <translation>身份证号码的校验位不正确（根据前17位应为 {expected}），请对照证件核对。</translation>
    </message>
    <message>
        <source>Numbers starting with 9 belong to foreigner permanent residence IDs. Choose that document type, or check the first digit.</source>
        <translation>以 9 开头的号码属于外国人永久居留身份证。请将证件类型改为“外国人永久居留身份证”，或核对号码第一位。</translation>
    </message>
    <message>
        <source>The ID number starts with {code}, which is not a province code. Check the first two digits against the card.</source>
        <translation>身份证号码以 {code} 开头，这不是有效的省级行政区划代码。请对照证件核对前两位。</translation>
    </message>
    <message>
        <source>A Hong Kong, Macao or Taiwan residence permit number starts with 810000, 820000 or 830000, but this one starts with {prefix}. Check the number, or choose the right document type.</source>
        <translation>港澳台居民居住证号码应以 810000、820000 或 830000 开头，而该号码以 {prefix} 开头。请核对号码，或选择正确的证件类型。</translation>
    </message>
    <message>
        <source>An 18-character foreigner permanent residence ID number starts with 9. Check the first character, or choose the right document type.</source>
        <translation>18位的外国人永久居留身份证号码应以 9 开头。请核对号码第一位，或选择正确的证件类型。</translation>
    </message>
    <message>
        <source>This is a 15-digit number from an old first-generation card, which is no longer accepted. Enter the 18-digit number from the member&apos;s current ID card.</source>
        <translation>这是第一代身份证的15位号码，已不再使用。请填写会员现用居民身份证上的18位号码。</translation>
    </message>
    <message>
        <source>The ID number has {length} characters, but a foreigner permanent residence ID number has 18 (15 on cards issued before December 2023). Check for a missing or extra character.</source>
        <translation>证件号码为 {length} 位，而外国人永久居留身份证号码应为18位（2023年12月前签发的为15位）。请检查是否少输或多输了字符。</translation>
    </message>
    <message>
        <source>A 15-character foreigner permanent residence ID number is 3 letters followed by 12 digits. Check the number against the card.</source>
        <translation>15位的外国人永久居留身份证号码由3个字母加12位数字组成。请对照证件核对号码。</translation>
    </message>
    <message>
        <source>The passport number has {length} characters, but it should have 5 to 20. Check it against the passport.</source>
        <translation>护照号码为 {length} 位，应为 5 至 20 位。请对照护照核对。</translation>
    </message>
    <message>
        <source>The passport number contains “{char}” at position {position}. Only letters and digits are allowed; correct that character.</source>
        <translation>护照号码第 {position} 位为“{char}”。护照号码只能包含字母和数字，请更正该字符。</translation>
    </message>
    <message>
        <source>The ID number belongs to a man, but Female is selected. Choose Male, or correct the ID number.</source>
        <translation>证件号码显示为男性，但性别选择了“女”。请将性别改为“男”，或更正证件号码。</translation>
    </message>
    <message>
        <source>The ID number belongs to a woman, but Male is selected. Choose Female, or correct the ID number.</source>
        <translation>证件号码显示为女性，但性别选择了“男”。请将性别改为“女”，或更正证件号码。</translation>
    </message>
    <message>
        <source>The ID number gives the birth date {derived}, but {entered} was entered. Correct the birth date or the ID number.</source>
        <translation>证件号码中的出生日期为 {derived}，但填写的出生日期为 {entered}。请更正出生日期或证件号码。</translation>
    </message>
    <message>
        <source>Choose the member&apos;s sex.</source>
        <translation>请选择会员的性别。</translation>
    </message>
    <message>
        <source>The birth date is missing. Enter it as shown on the ID document.</source>
        <translation>出生日期未填写。请按身份证件上的日期填写。</translation>
    </message>
    <message>
        <source>Choose the member&apos;s ethnic group.</source>
        <translation>请选择会员的民族。</translation>
    </message>
    <message>
        <source>“{code}” is not an ethnic-group code. Choose one of the 56 groups from the list.</source>
        <translation>“{code}”不是有效的民族代码。请从列表中选择56个民族之一。</translation>
    </message>
    <message>
        <source>This text has {length} characters, but at most {limit} are allowed. Shorten it.</source>
        <translation>此项内容为 {length} 个字，最多允许 {limit} 个字。请删减。</translation>
    </message>
    <message>
        <source>The membership card number has {length} characters, but at most {limit} are allowed. Check it against the card.</source>
        <translation>会员证号为 {length} 位，最多允许 {limit} 位。请对照会员证核对。</translation>
    </message>
    <message>
        <source>The membership card number may contain only letters, digits and hyphens (-). Remove the other characters.</source>
        <translation>会员证号只能包含字母、数字和连字符（-）。请删除其他字符。</translation>
    </message>
    <message>
        <source>The join date is missing. Enter the date the member joined the union.</source>
        <translation>入会日期未填写。请填写会员加入工会的日期。</translation>
    </message>
    <message>
        <source>The birth date {date} is in the future. Check the date.</source>
        <translation>出生日期 {date} 晚于今天。请核对日期。</translation>
    </message>
    <message>
        <source>With the birth date {date} the member is not yet 16, and only people aged 16 or over can join a union. Check the birth date.</source>
        <translation>按出生日期 {date} 计算，该会员未满16周岁，而年满16周岁方可加入工会。请核对出生日期。</translation>
    </message>
    <message>
        <source>The work start date {date} is in the future. Enter the date the member started work, or leave it empty.</source>
        <translation>参加工作日期 {date} 晚于今天。请填写会员实际参加工作的日期，或将此项留空。</translation>
    </message>
    <message>
        <source>The work start date {date} is before the member&apos;s 16th birthday ({birthday}). Check this date and the birth date.</source>
        <translation>参加工作日期 {date} 早于会员年满16周岁的日期（{birthday}）。请核对该日期和出生日期。</translation>
    </message>
    <message>
        <source>The join date {date} is in the future. Enter the date the member actually joined.</source>
        <translation>入会日期 {date} 晚于今天。请填写会员实际入会的日期。</translation>
    </message>
    <message>
        <source>The join date {date} is before the member&apos;s 16th birthday ({birthday}), and only people aged 16 or over can join a union. Check this date and the birth date.</source>
        <translation>入会日期 {date} 早于会员年满16周岁的日期（{birthday}），而年满16周岁方可加入工会。请核对该日期和出生日期。</translation>
    </message>
    <message>
        <source>The join date {date} is before the date work started ({start}). Check both dates.</source>
        <translation>入会日期 {date} 早于参加工作日期（{start}）。请核对这两个日期。</translation>
    </message>
    <message>
        <source>This member is recorded as deceased; no further change can be made.</source>
        <translation>该会员已登记为去世，不能再办理会籍变动。</translation>
    </message>
    <message>
        <source>This person is already an active member; record a join or transfer in only after they have left.</source>
        <translation>此人目前为在册会员，不能再登记入会或转入；须在其转出、退会或除名后才能办理。</translation>
    </message>
    <message>
        <source>Only an active member can transfer out, withdraw, be expelled or be recorded as deceased.</source>
        <translation>只有在册会员才能办理转出、退会、除名或去世登记。</translation>
    </message>
    <message>
        <source>The date {date} is in the future. Enter the date it took effect.</source>
        <translation>日期 {date} 晚于今天。请填写实际生效的日期。</translation>
    </message>
    <message>
        <source>The date is before the last recorded change ({last}). Changes must be entered in order.</source>
        <translation>该日期早于上一次会籍变动的日期（{last}）。会籍变动须按时间先后登记，请核对日期。</translation>
    </message>
    <message>
        <source>Enter a reason for this change.</source>
        <translation>请填写本次变动的原因。</translation>
    </message>
    <message>
        <source>The reason is {length} characters long; at most {limit} are allowed.</source>
        <translation>原因为 {length} 个字，最多允许 {limit} 个字。请删减。</translation>
    </message>
    <message>
        <source>The name is missing. Enter the name as it is written on the ID document.</source>
        <translation>姓名未填写。请按身份证件上的姓名填写。</translation>
    </message>
    <message>
        <source>The name contains “{char}”, which is not allowed in a name. Delete it: a name may have Chinese characters, Latin letters, spaces and the middle dot (·).</source>
        <translation>姓名中含有不允许使用的字符“{char}”，请删除。姓名只能包含汉字、拉丁字母、空格和间隔号（·）。</translation>
    </message>
    <message>
        <source>The name contains an invisible character (U+{code}), which is not allowed in a name. Delete the name and type it again.</source>
        <translation>姓名中含有不可见字符（U+{code}），不允许使用。请删除姓名后重新输入。</translation>
    </message>
    <message>
        <source>The name starts or ends with a middle dot (·). Remove it: the dot only goes between the parts of a name.</source>
        <translation>姓名以间隔号（·）开头或结尾，请删除。间隔号只能用在姓名各部分之间。</translation>
    </message>
    <message>
        <source>The name has two middle dots (·) in a row. Keep one dot between the parts of a name.</source>
        <translation>姓名中有两个相连的间隔号（·）。姓名各部分之间只保留一个间隔号。</translation>
    </message>
    <message>
        <source>The name has {length} characters, but at most {limit} are allowed. Shorten the name.</source>
        <translation>姓名为 {length} 个字，最多允许 {limit} 个字。请缩短姓名。</translation>
    </message>
    <message>
        <source>The unified social credit code is missing. Enter the 18 characters printed on the business licence or registration certificate.</source>
        <translation>统一社会信用代码未填写。请填写营业执照或登记证书上的18位代码。</translation>
    </message>
    <message>
        <source>The credit code has {length} characters, but it should have 18. Check for a missing or extra character.</source>
        <translation>统一社会信用代码为 {length} 位，应为18位。请检查是否少输或多输了字符。</translation>
    </message>
    <message>
        <source>The credit code contains the letter {char} at position {position}, which credit codes never use. It is probably the digit {digit}; correct that character.</source>
        <translation>统一社会信用代码第 {position} 位为字母 {char}，信用代码中不使用该字母，可能应为数字 {digit}。请更正该字符。</translation>
    </message>
    <message>
        <source>The credit code contains “{char}” at position {position}, which is not allowed. Use digits and capital letters only (never I, O, S, V or Z).</source>
        <translation>统一社会信用代码第 {position} 位的“{char}”不允许使用。只能使用数字和大写字母（不含 I、O、S、V、Z）。</translation>
    </message>
    <message>
        <source>The check character of this credit code is wrong ({expected} expected from the first 17 characters). Check the code against the business licence.</source>
        <translation>统一社会信用代码的校验位不正确（根据前17位应为 {expected}），请对照营业执照核对。</translation>
    </message>
    <message>
        <source>A database already exists in {folder}. Open it instead, or choose another data folder.</source>
        <translation>{folder} 中已有数据库。请直接打开该数据库，或选择其他数据文件夹。</translation>
    </message>
    <message>
        <source>Enter a user name for the administrator (no spaces).</source>
        <translation>请输入管理员的用户名（不能含空格）。</translation>
    </message>
    <message>
        <source>Enter the union&apos;s full name, e.g. XX有限公司工会委员会.</source>
        <translation>请填写工会全称，例如：XX有限公司工会委员会。</translation>
    </message>
    <message>
        <source>The union&apos;s name is {length} characters long; at most {limit} are allowed.</source>
        <translation>工会名称为 {length} 个字，最多允许 {limit} 个字。请缩短名称。</translation>
    </message>
    <message>
        <source>The database in {folder} was written by a newer version of UnionDesk (schema {revision}). It has not been changed. Install the newer version to open it.</source>
        <translation>{folder} 中的数据库由更高版本的 UnionDesk 写入（数据结构版本 {revision}），未做任何更改。请安装更高版本后再打开。</translation>
    </message>
    <message>
        <source>Upgrading the database failed, so it was restored from the backup {backup}. Nothing was lost. Please report this problem.</source>
        <translation>数据库升级失败，已从备份 {backup} 恢复，数据没有丢失。请报告此问题。</translation>
    </message>
    <message>
        <source>The file {file} is not a readable UnionDesk database. It has not been changed or overwritten. Restore a backup from {backups}, or choose another data folder.</source>
        <translation>文件 {file} 不是可读取的 UnionDesk 数据库，未被更改或覆盖。请从 {backups} 中恢复备份，或选择其他数据文件夹。</translation>
    </message>
    <message>
        <source>Teams cannot have sub-departments; the tree has at most three levels (enterprise, workshop, team).</source>
        <translation>班组下不能再设下级部门：部门最多分三级（企业、车间、班组）。请在企业或车间下新增。</translation>
    </message>
    <message>
        <source>“{name}” still has sub-departments. Delete or move them first.</source>
        <translation>“{name}”下还有下级部门。请先删除或移走这些下级部门。</translation>
    </message>
    <message>
        <source>“{name}” still has {count} members. Move them to another department first.</source>
        <translation>“{name}”下还有 {count} 名会员。请先将他们调整到其他部门。</translation>
    </message>
    <message>
        <source>This department no longer exists. Refresh the list.</source>
        <translation>该部门已不存在。请刷新列表。</translation>
    </message>
    <message>
        <source>Enter the department&apos;s name.</source>
        <translation>请填写部门名称。</translation>
    </message>
    <message>
        <source>The department name is {length} characters long; at most {limit} are allowed.</source>
        <translation>部门名称为 {length} 个字，最多允许 {limit} 个字。请缩短名称。</translation>
    </message>
    <message>
        <source>A department named “{name}” already exists at this level.</source>
        <translation>同一级下已有名为“{name}”的部门。请换一个名称。</translation>
    </message>
    <message>
        <source>This member is no longer on the register (deleted meanwhile?). Refresh the list.</source>
        <translation>该会员已不在台账中（可能已被他人删除）。请刷新列表。</translation>
    </message>
    <message>
        <source>This ID number is already registered to {name} (card {card}). Open that member instead of adding them twice.</source>
        <translation>该证件号码已登记在 {name}（会员证号 {card}）名下。请打开该会员进行编辑，不要重复添加。</translation>
    </message>
    <message>
        <source>Card number {card} already belongs to {name}. Each member needs their own card number.</source>
        <translation>会员证号 {card} 已被 {name} 使用。每名会员须使用各自的会员证号，请更换。</translation>
    </message>
    <message>
        <source>The chosen department no longer exists (deleted meanwhile?). Choose another department.</source>
        <translation>所选部门已不存在（可能已被他人删除）。请选择其他部门。</translation>
    </message>
    <message>
        <source>Another user registered this ID number or card number a moment ago. Search for {name} before saving again.</source>
        <translation>其他用户刚刚登记了该证件号码或会员证号。请先查找 {name}，确认后再保存。</translation>
    </message>
    <message>
        <source>The join date cannot be after a later membership change ({date}).</source>
        <translation>入会日期不能晚于其后的会籍变动日期（{date}）。请更正入会日期。</translation>
    </message>
    <message>
        <source>The password must have at least {minimum} characters.</source>
        <translation>密码至少需要 {minimum} 个字符。请设置更长的密码。</translation>
    </message>
    <message>
        <source>Choose a password with at least three different characters and no spaces at either end.</source>
        <translation>请设置至少包含三种不同字符、且首尾没有空格的密码。</translation>
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation>密码中不能包含用户名。请另设密码。</translation>
    </message>
    <message>
        <source>Your account ({user}) is not allowed to do this. Ask an administrator if you need it.</source>
        <translation>您的账号（{user}）无权执行此操作。如确需使用，请联系管理员开通。</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords. Try again after {time}, or ask an administrator.</source>
        <translation>密码错误次数过多，该账号已被锁定。请在 {time} 后重试，或联系管理员解锁。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>该账号已停用。请联系管理员。</translation>
    </message>
    <message>
        <source>Wrong user name or password. After five wrong passwords in a row the account is locked for 15 minutes.</source>
        <translation>用户名或密码错误。连续输错5次密码，账号将被锁定15分钟。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。请重新输入。</translation>
    </message>
    <message>
        <source>This database already has user accounts. Log in instead.</source>
        <translation>此数据库已有用户账号，请直接登录。</translation>
    </message>
    <message>
        <source>{user} is the last active administrator and cannot be disabled or given another role. Make another user an administrator first.</source>
        <translation>{user} 是最后一名启用中的管理员，不能停用或更改其角色。请先将其他用户设为管理员。</translation>
    </message>
    <message>
        <source>Enter a user name of 1 to {limit} characters without spaces.</source>
        <translation>请输入 1 至 {limit} 个字符的用户名，不能含空格。</translation>
    </message>
    <message>
        <source>The user name {user} is taken. Choose another.</source>
        <translation>用户名 {user} 已被使用。请另选一个。</translation>
    </message>
    <message>
        <source>This user account no longer exists.</source>
        <translation>该用户账号已不存在。请刷新列表。</translation>
    </message>
    <message>
        <source>Keep at least one daily, one weekly and one monthly backup.</source>
        <translation>每日、每周、每月备份至少各保留一份。请调整保留份数。</translation>
    </message>
    <message>
        <source>The file {file} does not exist. Choose the backup file again.</source>
        <translation>文件 {file} 不存在。请重新选择备份文件。</translation>
    </message>
    <message>
        <source>The file {file} is the database in use, not a backup. Choose a backup file.</source>
        <translation>文件 {file} 是正在使用的数据库，不是备份。请选择备份文件。</translation>
    </message>
    <message>
        <source>The file {file} is damaged or is not a database, so it was not restored and nothing was changed. Choose another backup.</source>
        <translation>文件 {file} 已损坏或不是数据库，未予恢复，数据未做任何更改。请选择其他备份。</translation>
    </message>
    <message>
        <source>The file {file} is a database, but not a UnionDesk backup, so it was not restored and nothing was changed. Choose a UnionDesk backup.</source>
        <translation>文件 {file} 是数据库，但不是 UnionDesk 备份，未予恢复，数据未做任何更改。请选择 UnionDesk 备份。</translation>
    </message>
    <message>
        <source>The backup {file} was made by a newer version of UnionDesk (schema {revision}), so it was not restored and nothing was changed. Install the newer version first.</source>
        <translation>备份 {file} 由更高版本的 UnionDesk 生成（数据结构版本 {revision}），未予恢复，数据未做任何更改。请先安装更高版本。</translation>
    </message>
    <message>
        <source>The database cannot be read, so no backup was made: {reason}. Restart UnionDesk to restore an earlier backup.</source>
        <translation>无法读取数据库，未进行备份：{reason}。请重新启动 UnionDesk 以恢复较早的备份。</translation>
    </message>
    <message>
        <source>Could not write to {place}: {reason}. Nothing was changed. Free some disk space or choose a folder you can write to, then try again.</source>
        <translation>无法写入 {place}：{reason}。数据未做任何更改。请释放磁盘空间或选择可写入的文件夹，然后重试。</translation>
    </message>
    <message>
        <source>The idle time must be between {low} and {high} minutes.</source>
        <translation>锁定时间须在 {low} 到 {high} 分钟之间，请重新输入。</translation>
    </message>
</context>
</TS>
