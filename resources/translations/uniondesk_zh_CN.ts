<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminSettingsPanel</name>
    <message>
        <source>Security, backups and upload</source>
        <translation>安全、备份与上报</translation>
    </message>
    <message>
        <source>Upload destinations…</source>
        <translation>上报目的地…</translation>
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
    <message>
        <source>Remind on the main window when returns have waited longer than this for upload.</source>
        <translation>报表等待上报超过此天数时，在主窗口提醒。</translation>
    </message>
    <message>
        <source>Remind on the main window when the last backup is older than this.</source>
        <translation>最近一次备份超过此天数时，在主窗口提醒。</translation>
    </message>
    <message>
        <source>Upload reminder (days)</source>
        <translation>待上报提醒（天）</translation>
    </message>
    <message>
        <source>Backup reminder (days)</source>
        <translation>备份提醒（天）</translation>
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
    <name>AttendanceDialog</name>
    <message>
        <source>Attendance</source>
        <translation>活动签到</translation>
    </message>
    <message>
        <source>Name, pinyin initials, last digits of the ID number, or card number</source>
        <translation>姓名、拼音首字母、证件号码后几位或会员证号</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add whole department</source>
        <translation>添加整个部门</translation>
    </message>
    <message>
        <source>Find in the list</source>
        <translation>在名单中查找</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Find members</source>
        <translation>查找会员</translation>
    </message>
    <message>
        <source>Whole department</source>
        <translation>整个部门</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人员名单</translation>
    </message>
    <message>
        <source>Guests (not members)</source>
        <translation>非会员人数</translation>
    </message>
    <message>
        <source>Attendance: {title}</source>
        <translation>活动签到：{title}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{member} (listed)</source>
        <translation>{member}（已在名单中）</translation>
    </message>
    <message>
        <source>Added {added} member(s).</source>
        <translation>已添加 {added} 名会员。</translation>
    </message>
    <message>
        <source>{department}: added {added} of {count} active member(s).</source>
        <translation>{department}：{count} 名在会会员中已添加 {added} 名。</translation>
    </message>
    <message>
        <source>Removed {count} member(s).</source>
        <translation>已移除 {count} 名会员。</translation>
    </message>
    <message>
        <source>{members} member(s) and {guests} guest(s): {total} attendees in all</source>
        <translation>会员 {members} 人，非会员 {guests} 人，共 {total} 人</translation>
    </message>
</context>
<context>
    <name>AttendeeTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>会员证号</translation>
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
        <source>Review submitted</source>
        <translation>提交评分</translation>
    </message>
    <message>
        <source>Recused</source>
        <translation>申请回避</translation>
    </message>
    <message>
        <source>Review reopened</source>
        <translation>重新打开评分</translation>
    </message>
    <message>
        <source>Round closed</source>
        <translation>结束评审</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上报</translation>
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
    <message>
        <source>Honour</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <source>Award program</source>
        <translation>评选项目</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选人</translation>
    </message>
    <message>
        <source>Review round</source>
        <translation>评审轮次</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <source>Upload outbox</source>
        <translation>待上报队列</translation>
    </message>
    <message>
        <source>Upload destination</source>
        <translation>上报目的地</translation>
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
    <name>CalendarDayDialog</name>
    <message>
        <source>Edit calendar day</source>
        <translation>修改节假日</translation>
    </message>
    <message>
        <source>Add calendar day</source>
        <translation>添加节假日</translation>
    </message>
    <message>
        <source>For example 国庆节 or 国庆节调休上班</source>
        <translation>例如：国庆节、国庆节调休上班</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Days not listed count by the plain week: Monday to Friday are working days. Changes apply to publicities started afterwards.</source>
        <translation>未列出的日期按常规计算：周一至周五为工作日。修改只影响此后开始的公示。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Your account may view the calendar but not change it.</source>
        <translation>您的账户可以查看节假日安排，但不能修改。</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Remove {date} ({name}) from the calendar?</source>
        <translation>从节假日安排中删除 {date}（{name}）吗？</translation>
    </message>
    <message>
        <source>Remove day</source>
        <translation>删除日期</translation>
    </message>
</context>
<context>
    <name>CandidateForm</name>
    <message>
        <source>New nomination: {name}</source>
        <translation>新增推荐：{name}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>State change</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Nominee</source>
        <translation>候选人</translation>
    </message>
    <message>
        <source>Award program</source>
        <translation>评选项目</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Nominating unit</source>
        <translation>推荐单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Summary of deeds</source>
        <translation>事迹摘要</translation>
    </message>
    <message>
        <source>Account of deeds</source>
        <translation>详细事迹</translation>
    </message>
    <message>
        <source>Eligibility check</source>
        <translation>资格审查</translation>
    </message>
    <message>
        <source>History</source>
        <translation>流转记录</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Add certificate…</source>
        <translation>添加证书…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Nomination: {name}</source>
        <translation>候选人推荐表：{name}</translation>
    </message>
    <message>
        <source>This program sets no eligibility rules.</source>
        <translation>本项目未设资格条件。</translation>
    </message>
    <message>
        <source>Declared eligible by the officer: {reason}</source>
        <translation>经资格认定为合格：{reason}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{over} character(s) over the limit of {limit}. Shorten the text to save.</source>
        <translation>超出字数上限（{limit} 字）{over} 字，请删减后再保存。</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>Save the nomination first; then add the photo and certificates.</source>
        <translation>请先保存推荐信息，再添加照片和证书。</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Add certificate</source>
        <translation>添加证书</translation>
    </message>
    <message>
        <source>Images or PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>图片或 PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>Remove {file} from the nomination?</source>
        <translation>确定从推荐材料中移除“{file}”吗？</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <source>Saved as a draft. Add the photo and certificates now; submit the nomination from the candidate list when it is complete.</source>
        <translation>已保存为草稿。现在可以添加照片和证书；材料齐全后，请在候选人列表中点击“提交推荐”。</translation>
    </message>
    <message>
        <source>The nomination was not saved. Correct what is shown in red.</source>
        <translation>推荐信息未保存，请修改红字提示的内容。</translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Nominating unit</source>
        <translation>推荐单位</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
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
        <source>Copied back {count} photos and attachments.</source>
        <translation>已恢复 {count} 个照片和附件。</translation>
    </message>
    <message>
        <source>There is no database in {folder}. Create one with &apos;uniondesk --data-dir DIR init&apos; first.</source>
        <translation>{folder} 中没有数据库。请先运行 &apos;uniondesk --data-dir DIR init&apos; 创建数据库。</translation>
    </message>
    <message>
        <source>award programs, candidates and review results</source>
        <translation>评选项目、候选人和评审结果</translation>
    </message>
    <message>
        <source>list the award programs and their candidates with states</source>
        <translation>列出评选项目及其候选人和状态</translation>
    </message>
    <message>
        <source>ranking of a program over its closed review rounds (a program without a closed round gives an empty ranking)</source>
        <translation>评选项目已结束评审轮次的汇总排名（没有已结束评审轮次的项目输出空排名）</translation>
    </message>
    <message>
        <source>the program&apos;s id, as &apos;selection list&apos; shows it</source>
        <translation>评选项目编号，见“selection list”的输出</translation>
    </message>
    <message>
        <source>also print each reviewer&apos;s scores and recusals</source>
        <translation>同时列出每位评委的评分和回避情况</translation>
    </message>
    <message>
        <source>Added {programs} demo award programs and {honours} honours.</source>
        <translation>已添加 {programs} 个演示评选项目和 {honours} 项荣誉。</translation>
    </message>
    <message>
        <source>Demo reviewers: user names {users}, password {password}</source>
        <translation>演示评委：用户名 {users}，密码 {password}</translation>
    </message>
    <message>
        <source>Award programs found: {count}</source>
        <translation>共找到 {count} 个评选项目</translation>
    </message>
    <message>
        <source>Program {id}: {name} ({title}, {year}), {count} candidates</source>
        <translation>评选项目 {id}：{name}（{title}，{year}年度），候选人 {count} 名</translation>
    </message>
    <message>
        <source>No candidates yet.</source>
        <translation>暂无候选人。</translation>
    </message>
    <message>
        <source>labour and skills competitions and the Ankang Cup</source>
        <translation>劳动和技能竞赛、“安康杯”竞赛</translation>
    </message>
    <message>
        <source>list the competitions with their entries, newest first</source>
        <translation>列出竞赛及参赛情况（按开始日期由近及远）</translation>
    </message>
    <message>
        <source>culture events for members</source>
        <translation>职工文化活动</translation>
    </message>
    <message>
        <source>statistics of the culture events of a period (the numbers the returns print)</source>
        <translation>统计期内的职工文化活动情况（与报表数据一致）</translation>
    </message>
    <message>
        <source>first day of the period, as YYYY-MM-DD</source>
        <translation>统计期起始日期，格式为 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>last day of the period (included), as YYYY-MM-DD</source>
        <translation>统计期截止日期（含当日），格式为 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Added {competitions} demo competitions with {entries} entries, and {events} culture events with {attendances} member attendances.</source>
        <translation>已添加 {competitions} 项演示竞赛（参赛 {entries} 个）和 {events} 场职工文化活动（会员参加 {attendances} 人次）。</translation>
    </message>
    <message>
        <source>Competitions found: {count}</source>
        <translation>共找到 {count} 项竞赛</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>竞赛名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>参赛数</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <source>{option} {value} is not a date. Write it as YYYY-MM-DD, for example 2026-01-31.</source>
        <translation>{option} {value} 不是有效日期。请按 YYYY-MM-DD 格式填写，例如 2026-01-31。</translation>
    </message>
    <message>
        <source>Culture events from {first} to {last}</source>
        <translation>职工文化活动统计（{first} 至 {last}）</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动场次</translation>
    </message>
    <message>
        <source>Member attendances</source>
        <translation>会员参加人次</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>非会员人数</translation>
    </message>
    <message>
        <source>Member hours</source>
        <translation>会员活动时长（小时）</translation>
    </message>
    <message>
        <source>Members who attended at least once: {value}</source>
        <translation>参加活动的会员（人）：{value}</translation>
    </message>
    <message>
        <source>Members on the register in the period: {value}</source>
        <translation>统计期内会员（人）：{value}</translation>
    </message>
    <message>
        <source>Participation rate: {value}</source>
        <translation>会员参与率：{value}</translation>
    </message>
    <message>
        <source>Member hours: {value}</source>
        <translation>会员活动总时长（小时）：{value}</translation>
    </message>
    <message>
        <source>Hours per member: {value}</source>
        <translation>人均活动时长（小时）：{value}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Nominating unit</source>
        <translation>推荐单位</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>There is no award program with the id {id}. &apos;uniondesk selection list&apos; shows the programs and their ids.</source>
        <translation>没有编号为 {id} 的评选项目。可用“uniondesk selection list”查看评选项目及其编号。</translation>
    </message>
    <message>
        <source>{program} has no results yet: none of its review rounds is closed. Scores stay sealed until a round is closed.</source>
        <translation>{program}暂无评审结果：尚无已结束的评审轮次。评审轮次结束前，评分一律保密。</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>{program}: ranking over its closed review rounds</source>
        <translation>{program}：已结束评审轮次汇总排名</translation>
    </message>
    <message>
        <source>Score: with at least 5 valid reviews one highest and one lowest total are dropped before averaging; with fewer, the plain mean.</source>
        <translation>得分：有效评分不少于5份时，去掉一个最高分和一个最低分后取平均值；少于5份时取算术平均值。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Valid/assigned</source>
        <translation>有效/应评</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Std. dev.</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Disagreement</source>
        <translation>意见分歧</translation>
    </message>
    <message>
        <source>Below quorum</source>
        <translation>人数不足</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>评审轮次</translation>
    </message>
    <message>
        <source>{name} (max {maximum}, weight {weight})</source>
        <translation>{name}（满分{maximum}，权重{weight}）</translation>
    </message>
    <message>
        <source>Rubric: {criteria}</source>
        <translation>评分标准：{criteria}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>{rank} (tied)</source>
        <translation>{rank}（并列）</translation>
    </message>
    <message>
        <source>Reviews of {name}</source>
        <translation>{name}的评分明细</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评委</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Comment or reason for recusal</source>
        <translation>评语或回避原因</translation>
    </message>
    <message>
        <source>{kind}: {text}</source>
        <translation>{kind}：{text}</translation>
    </message>
    <message>
        <source>make a return (PDF, JSON data and manifest), signed on request</source>
        <translation>生成报表（PDF、JSON 数据文件和清单），可选签名</translation>
    </message>
    <message>
        <source>the return type</source>
        <translation>报表类型</translation>
    </message>
    <message>
        <source>a year such as 2026, or a quarter such as 2026Q3</source>
        <translation>年度（如 2026）或季度（如 2026Q3）</translation>
    </message>
    <message>
        <source>folder to write the files to</source>
        <translation>保存文件的文件夹</translation>
    </message>
    <message>
        <source>the candidate (nomination), program (review-results) or competition (competition)</source>
        <translation>候选人（nomination）、评选项目（review-results）或竞赛（competition）的编号</translation>
    </message>
    <message>
        <source>roster: only this department and its sub-departments</source>
        <translation>花名册：只含该部门及其下级部门</translation>
    </message>
    <message>
        <source>roster: only members of this status</source>
        <translation>花名册：只含该会籍状态的会员</translation>
    </message>
    <message>
        <source>sign the PDF with the union&apos;s signing identity</source>
        <translation>用本工会的签名身份对 PDF 签名</translation>
    </message>
    <message>
        <source>file whose first line is the signing identity&apos;s passphrase</source>
        <translation>第一行为签名身份口令的文件</translation>
    </message>
    <message>
        <source>print full ID numbers instead of masked ones (audited)</source>
        <translation>打印完整证件号码而非遮盖号码（记入审计日志）</translation>
    </message>
    <message>
        <source>add the signed return to the outbox (待上报) for upload</source>
        <translation>将已签名的报表加入待上报</translation>
    </message>
    <message>
        <source>This return needs --subject ID (see &apos;selection list&apos; or &apos;competitions list&apos;).</source>
        <translation>此报表需要 --subject 编号（见“selection list”或“competitions list”）。</translation>
    </message>
    <message>
        <source>Give --sign and --passphrase-file together.</source>
        <translation>--sign 与 --passphrase-file 须同时给出。</translation>
    </message>
    <message>
        <source>Only a signed return can be queued: add --sign.</source>
        <translation>只有已签名的报表才能加入待上报：请加上 --sign。</translation>
    </message>
    <message>
        <source>Signed {title} ({period}).</source>
        <translation>已生成并签名{title}（{period}）。</translation>
    </message>
    <message>
        <source>Made {title} ({period}), not signed.</source>
        <translation>已生成{title}（{period}），未签名。</translation>
    </message>
    <message>
        <source>Queued for upload to {destination} (package {id}).</source>
        <translation>已加入待上报，目的地：{destination}（编号 {id}）。</translation>
    </message>
    <message>
        <source>check the signatures of a PDF (exit 0 only when valid and unchanged)</source>
        <translation>验证 PDF 的签名（仅当签名有效且文件未被修改时退出码为 0）</translation>
    </message>
    <message>
        <source>the signed PDF</source>
        <translation>已签名的 PDF</translation>
    </message>
    <message>
        <source>sign a review results return as the committee chair</source>
        <translation>以评审委员会主任身份会签评审结果汇总表</translation>
    </message>
    <message>
        <source>the return signed by the union</source>
        <translation>工会已签名的报表</translation>
    </message>
    <message>
        <source>the chair&apos;s PKCS#12 file</source>
        <translation>主任的 PKCS#12 文件</translation>
    </message>
    <message>
        <source>the countersigned PDF to write</source>
        <translation>要写入的会签后 PDF</translation>
    </message>
    <message>
        <source>the signing identity</source>
        <translation>签名身份</translation>
    </message>
    <message>
        <source>make a key and a self-signed certificate for the union</source>
        <translation>为工会生成密钥和自签名证书</translation>
    </message>
    <message>
        <source>use a PKCS#12 issued by the higher-level union</source>
        <translation>使用上级工会签发的 PKCS#12 文件</translation>
    </message>
    <message>
        <source>the .p12 or .pfx file</source>
        <translation>.p12 或 .pfx 文件</translation>
    </message>
    <message>
        <source>write the certificate (PEM) to give to others</source>
        <translation>导出证书（PEM），供交给他人</translation>
    </message>
    <message>
        <source>the .pem file to write</source>
        <translation>要写入的 .pem 文件</translation>
    </message>
    <message>
        <source>show the certificate&apos;s details</source>
        <translation>显示证书信息</translation>
    </message>
    <message>
        <source>make a personal PKCS#12 (for the committee chair)</source>
        <translation>生成个人 PKCS#12 文件（供评审委员会主任使用）</translation>
    </message>
    <message>
        <source>the person&apos;s name</source>
        <translation>本人姓名</translation>
    </message>
    <message>
        <source>the .p12 file to write</source>
        <translation>要写入的 .p12 文件</translation>
    </message>
    <message>
        <source>file holding the passphrase (a trailing newline is ignored)</source>
        <translation>保存口令的文件（末尾换行符会被忽略）</translation>
    </message>
    <message>
        <source>replace an existing identity (the old one is kept aside)</source>
        <translation>替换现有签名身份（旧身份会另行保留）</translation>
    </message>
    <message>
        <source>The signing identity is stored in {folder}.</source>
        <translation>签名身份已保存在{folder}。</translation>
    </message>
    <message>
        <source>Wrote the certificate to {file}.</source>
        <translation>证书已写入{file}。</translation>
    </message>
    <message>
        <source>There is no signing identity in {folder}. Create one with &apos;uniondesk identity create&apos; or import one with &apos;uniondesk identity import&apos;.</source>
        <translation>{folder}中没有签名身份。请用“uniondesk identity create”创建，或用“uniondesk identity import”导入。</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>自签名</translation>
    </message>
    <message>
        <source>issued by an authority</source>
        <translation>由签发机构颁发</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 指纹</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Wrote the personal signing identity to {file}.</source>
        <translation>个人签名身份已写入{file}。</translation>
    </message>
    <message>
        <source>Countersigned as {name}: {file}</source>
        <translation>已以{name}的身份会签：{file}</translation>
    </message>
    <message>
        <source>reference receiver of uploads (for tests and the higher-level union)</source>
        <translation>上报参考接收端（供测试及上级工会试用）</translation>
    </message>
    <message>
        <source>receive packages over HTTP until Ctrl+C</source>
        <translation>通过 HTTP 接收上报包，按 Ctrl+C 停止</translation>
    </message>
    <message>
        <source>folder where accepted packages are stored</source>
        <translation>保存已接收上报包的文件夹</translation>
    </message>
    <message>
        <source>port to listen on (0: any free port)</source>
        <translation>监听端口（0 表示任选一个空闲端口）</translation>
    </message>
    <message>
        <source>address to listen on (default: this computer only)</source>
        <translation>监听地址（默认仅本机）</translation>
    </message>
    <message>
        <source>the bearer token clients must send (other users of this computer can see it; prefer --token-file)</source>
        <translation>客户端须提供的访问令牌（本机其他用户可以看到该参数，建议改用 --token-file）</translation>
    </message>
    <message>
        <source>file whose first line is the bearer token</source>
        <translation>第一行为访问令牌的文件</translation>
    </message>
    <message>
        <source>certificate whose signatures are reported as trusted (may be repeated)</source>
        <translation>其签名视为可信的证书（可多次指定）</translation>
    </message>
    <message>
        <source>largest package accepted, in megabytes</source>
        <translation>可接收上报包的最大大小（MB）</translation>
    </message>
    <message>
        <source>serve HTTPS with this certificate chain (PEM)</source>
        <translation>使用此证书链（PEM）提供 HTTPS 服务</translation>
    </message>
    <message>
        <source>the private key of --tls-cert (PEM), if not in the same file</source>
        <translation>--tls-cert 证书的私钥（PEM），若不在同一文件中</translation>
    </message>
    <message>
        <source>for testing: share of uploads answered with error 500 (0 to 1)</source>
        <translation>测试用：以 500 错误应答的上报比例（0 至 1）</translation>
    </message>
    <message>
        <source>for testing: seconds to wait before each answer</source>
        <translation>测试用：每次应答前等待的秒数</translation>
    </message>
    <message>
        <source>for testing: share of accepted uploads stored but left unanswered (0 to 1)</source>
        <translation>测试用：已保存但不作应答的上报比例（0 至 1）</translation>
    </message>
    <message>
        <source>for testing: seed of the random failures</source>
        <translation>测试用：随机故障的种子</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be created: {reason}</source>
        <translation>无法创建文件夹{folder}：{reason}</translation>
    </message>
    <message>
        <source>Cannot receive on {host} port {port}: {reason}</source>
        <translation>无法在 {host} 的 {port} 端口接收：{reason}</translation>
    </message>
    <message>
        <source>Stopped. New packages stored: {count}</source>
        <translation>已停止。本次新保存的上报包：{count} 个</translation>
    </message>
    <message>
        <source>Receiving packages at {url}; they are stored in {folder}. Press Ctrl+C to stop.</source>
        <translation>正在 {url} 接收上报包，保存在 {folder}。按 Ctrl+C 停止。</translation>
    </message>
    <message>
        <source>Warning: without --tls-cert the token and the returns travel unencrypted over the network.</source>
        <translation>警告：未指定 --tls-cert，访问令牌和报表将以明文在网络上传输。</translation>
    </message>
    <message>
        <source>The file {file} cannot be read: {reason}</source>
        <translation>无法读取文件{file}：{reason}</translation>
    </message>
    <message>
        <source>The token must not be empty, --fail-rate and --drop-response-rate must lie between 0 and 1, and --delay and --max-size must not be negative.</source>
        <translation>访问令牌不能为空，--fail-rate 和 --drop-response-rate 须在 0 至 1 之间，--delay 和 --max-size 不能为负数。</translation>
    </message>
    <message>
        <source>The file {file} cannot be written: {reason}</source>
        <translation>无法写入文件{file}：{reason}</translation>
    </message>
    <message>
        <source>The file {file} already exists. Choose another name; nothing was overwritten.</source>
        <translation>文件{file}已存在，请换一个文件名；未覆盖任何文件。</translation>
    </message>
    <message>
        <source>the upload queue: returns waiting for the higher union</source>
        <translation>待上报队列：等待报送上级工会的报表</translation>
    </message>
    <message>
        <source>list the packages and states</source>
        <translation>列出上报包及其状态</translation>
    </message>
    <message>
        <source>send every waiting package now</source>
        <translation>立即上报所有等待中的上报包</translation>
    </message>
    <message>
        <source>queue a failed or quarantined package again</source>
        <translation>将失败或已隔离的上报包重新加入待上报</translation>
    </message>
    <message>
        <source>the package&apos;s number in the list</source>
        <translation>上报包在列表中的编号</translation>
    </message>
    <message>
        <source>copy every undelivered package into a folder (a USB stick) to carry over</source>
        <translation>将所有未送达的上报包复制到文件夹（如 U 盘）以便携带报送</translation>
    </message>
    <message>
        <source>the target folder</source>
        <translation>目标文件夹</translation>
    </message>
    <message>
        <source>where packages are uploaded to</source>
        <translation>上报目的地</translation>
    </message>
    <message>
        <source>list the destinations</source>
        <translation>列出上报目的地</translation>
    </message>
    <message>
        <source>add a destination</source>
        <translation>添加上报目的地</translation>
    </message>
    <message>
        <source>a name to show (optional)</source>
        <translation>显示名称（可选）</translation>
    </message>
    <message>
        <source>http(s) base URL or WebDAV URL</source>
        <translation>HTTP(S) 接口地址或 WebDAV 地址</translation>
    </message>
    <message>
        <source>folder destination&apos;s folder</source>
        <translation>文件夹目的地的路径</translation>
    </message>
    <message>
        <source>file holding the token</source>
        <translation>保存访问令牌的文件</translation>
    </message>
    <message>
        <source>WebDAV user name</source>
        <translation>WebDAV 用户名</translation>
    </message>
    <message>
        <source>file holding the WebDAV password</source>
        <translation>保存 WebDAV 密码的文件</translation>
    </message>
    <message>
        <source>CA certificate file (PEM)</source>
        <translation>CA 证书文件（PEM）</translation>
    </message>
    <message>
        <source>make it the default</source>
        <translation>设为默认目的地</translation>
    </message>
    <message>
        <source>Packages in the outbox: {count}</source>
        <translation>待上报队列中的上报包：{count} 个</translation>
    </message>
    <message>
        <source>Delivered {delivered}, failed (will retry) {failed}, quarantined {quarantined}.</source>
        <translation>已上报 {delivered} 个，失败待重试 {failed} 个，已隔离 {quarantined} 个。</translation>
    </message>
    <message>
        <source>Package {id} is queued again.</source>
        <translation>上报包 {id} 已重新加入待上报。</translation>
    </message>
    <message>
        <source>Cannot write into {folder}: {reason}</source>
        <translation>无法写入 {folder}：{reason}</translation>
    </message>
    <message>
        <source>Copied {count} packages to {folder}.</source>
        <translation>已将 {count} 个上报包复制到 {folder}。</translation>
    </message>
    <message>
        <source>Added destination {id}.</source>
        <translation>已添加上报目的地 {id}。</translation>
    </message>
    <message>
        <source>write registers to Excel files</source>
        <translation>将名册导出为 Excel 文件</translation>
    </message>
    <message>
        <source>export the member register to an xlsx file</source>
        <translation>将会员名册导出为 xlsx 文件</translation>
    </message>
    <message>
        <source>the xlsx file to write</source>
        <translation>要写入的 xlsx 文件</translation>
    </message>
    <message>
        <source>write full ID and mobile numbers instead of masked ones (audited)</source>
        <translation>写入完整的证件号码和手机号码，而非脱敏号码（记入审计日志）</translation>
    </message>
    <message>
        <source>only this department and the departments below it</source>
        <translation>仅导出该部门及其下级部门</translation>
    </message>
    <message>
        <source>only members with this membership status</source>
        <translation>仅导出该会籍状态的会员</translation>
    </message>
    <message>
        <source>write the member import template (xlsx)</source>
        <translation>生成会员导入模板（xlsx）</translation>
    </message>
    <message>
        <source>export a competition&apos;s entries and results</source>
        <translation>导出竞赛的参赛名单和成绩</translation>
    </message>
    <message>
        <source>the competition&apos;s number</source>
        <translation>竞赛编号</translation>
    </message>
    <message>
        <source>export an event&apos;s attendance list</source>
        <translation>导出活动的参加人员名单</translation>
    </message>
    <message>
        <source>the event&apos;s number</source>
        <translation>活动编号</translation>
    </message>
    <message>
        <source>Wrote the import template {file}.</source>
        <translation>已生成导入模板 {file}。</translation>
    </message>
    <message>
        <source>Wrote {count} rows to {file}.</source>
        <translation>已将 {count} 行写入 {file}。</translation>
    </message>
    <message>
        <source>The file {file} could not be written ({reason}). Check that the folder exists and that the file is not open in Excel or WPS, then export again.</source>
        <translation>无法写入文件 {file}（{reason}）。请确认文件夹存在、该文件未在 Excel 或 WPS 中打开，然后重新导出。</translation>
    </message>
    <message>
        <source>import a register from a spreadsheet</source>
        <translation>从电子表格导入名册</translation>
    </message>
    <message>
        <source>import members from an .xlsx, .xls, .ods or .csv file</source>
        <translation>从 .xlsx、.xls、.ods 或 .csv 文件导入会员</translation>
    </message>
    <message>
        <source>the file to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>check the file and show what would change, without importing</source>
        <translation>只检查文件并显示将做的变更，不实际导入</translation>
    </message>
    <message>
        <source>update members already on the register (default: skip them unchanged)</source>
        <translation>更新名册中已有的会员（默认跳过，不作修改）</translation>
    </message>
    <message>
        <source>add the departments the file names that are not in the tree yet</source>
        <translation>新建文件中列出但尚未建立的部门</translation>
    </message>
    <message>
        <source>write the rows with a reason column for each error, to fix</source>
        <translation>输出带“错误原因”列的表格，便于修改后重新导入</translation>
    </message>
    <message>
        <source>Row {row}, {column}: {reason} ({value})</source>
        <translation>第 {row} 行，{column}：{reason}（{value}）</translation>
    </message>
    <message>
        <source>Checked {sheet}: {new} new, {update} to update, {skip} to skip, {errors} errors.</source>
        <translation>已检查“{sheet}”：新增 {new} 人，更新 {update} 人，跳过 {skip} 人，错误 {errors} 行。</translation>
    </message>
    <message>
        <source>Departments not in the tree yet: {names}</source>
        <translation>尚未建立的部门：{names}</translation>
    </message>
    <message>
        <source>Imported: {created} added, {updated} updated, {skipped} skipped.</source>
        <translation>导入完成：新增 {created} 人，更新 {updated} 人，跳过 {skipped} 人。</translation>
    </message>
    <message>
        <source>Error report written to {file}.</source>
        <translation>错误报告已保存到 {file}。</translation>
    </message>
    <message>
        <source>check that this installation works (database, fonts, PDF, signing); uses a temporary folder only</source>
        <translation>检查本机安装是否正常（数据库、字体、PDF、签章）；只使用临时文件夹，不动您的数据</translation>
    </message>
</context>
<context>
    <name>ColumnMapping</name>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>第一行数据</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Members already on the register (same ID number):</source>
        <translation>名册中已有的会员（证件号码相同）：</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Update them with the values in the file</source>
        <translation>用文件中的信息更新</translation>
    </message>
    <message>
        <source>No row of the sheet “{sheet}” names both 姓名 and 身份证号, so row 1 is taken as the header row. Choose what each column holds; name and ID number are required.</source>
        <translation>工作表“{sheet}”中没有同时包含“姓名”和“身份证号”的行，因此将第 1 行作为表头。请为每一列选择对应的信息项，姓名和证件号码为必选。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, header row {row}. The columns are set as you chose last time for this header; check them and change any that are wrong.</source>
        <translation>工作表“{sheet}”，表头在第 {row} 行。各列已按上次对相同表头的选择设置，请核对并修改不正确的列。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, header row {row}. Check what each column holds and change any that are wrong; columns set to “Do not import” are ignored.</source>
        <translation>工作表“{sheet}”，表头在第 {row} 行。请核对每一列对应的信息项并修改不正确的列；设为“不导入”的列将被忽略。</translation>
    </message>
    <message>
        <source>(no header)</source>
        <translation>（无表头）</translation>
    </message>
</context>
<context>
    <name>CompetitionFormDialog</name>
    <message>
        <source>Edit competition: {name}</source>
        <translation>编辑竞赛：{name}</translation>
    </message>
    <message>
        <source>New competition</source>
        <translation>新建竞赛</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>竞赛名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>竞赛类型</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>竞赛级别</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>竞赛地点</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>竞赛信息</translation>
    </message>
    <message>
        <source>Scoring scheme</source>
        <translation>评分办法</translation>
    </message>
    <message>
        <source>Prizes (places per prize, from the top of the ranking)</source>
        <translation>奖项设置（按名次从高到低，各奖项名额）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The competition was not saved. Correct the {count} problem(s) shown in red, then save again.</source>
        <translation>竞赛未保存。请更正红色标出的 {count} 处问题后再保存。</translation>
    </message>
</context>
<context>
    <name>CompetitionsPage</name>
    <message>
        <source>Search by name, trade or organiser</source>
        <translation>按竞赛名称、工种或主办单位查找</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>New competition</source>
        <translation>新建竞赛</translation>
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
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Entries…</source>
        <translation>参赛名单…</translation>
    </message>
    <message>
        <source>Export results…</source>
        <translation>导出成绩…</translation>
    </message>
    <message>
        <source>Your account may view competitions but not change them.</source>
        <translation>您的账号可以查看竞赛，但不能修改。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>竞赛名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>参赛</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <source>{count} competitions</source>
        <translation>共 {count} 项竞赛</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>{count} typed score(s) of this competition are not saved. Save them before showing another competition?</source>
        <translation>本竞赛有 {count} 个已录入的成绩尚未保存。切换到其他竞赛前是否保存？</translation>
    </message>
    <message>
        <source>{count} of them are marked in red and cannot be saved until corrected.</source>
        <translation>其中 {count} 个以红色标出，更正后才能保存。</translation>
    </message>
    <message>
        <source>Unsaved scores</source>
        <translation>成绩未保存</translation>
    </message>
    <message>
        <source>Score sheet: {name}</source>
        <translation>成绩表：{name}</translation>
    </message>
    <message>
        <source>Delete “{name}”? Its entries and scores are kept in the audit log, but it no longer appears in lists. Reason for deleting:</source>
        <translation>删除“{name}”？其参赛名单和成绩保留在操作日志中，但不再出现在列表里。删除原因：</translation>
    </message>
    <message>
        <source>Delete competition</source>
        <translation>删除竞赛</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>导出成绩</translation>
    </message>
</context>
<context>
    <name>CompetitionsTab</name>
    <message>
        <source>Competition</source>
        <translation>竞赛名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>竞赛类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>参赛团队</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Prize</source>
        <translation>奖项</translation>
    </message>
    <message>
        <source>Competition history</source>
        <translation>竞赛记录</translation>
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
    <name>DestinationForm</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Add upload destination</source>
        <translation>添加上报目的地</translation>
    </message>
    <message>
        <source>Edit upload destination: {name}</source>
        <translation>编辑上报目的地：{name}</translation>
    </message>
    <message>
        <source>Optional: for a server with its own CA</source>
        <translation>可选：服务器使用自建证书颁发机构（CA）时填写</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>访问令牌</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Folder address</source>
        <translation>文件夹地址</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>A network share, or a folder on a USB stick to carry to the higher-level union. Each package is written into its own sub-folder.</source>
        <translation>可以是网络共享文件夹，也可以是 U 盘上的文件夹（由专人送交上级工会）。每个上报包写入各自的子文件夹。</translation>
    </message>
    <message>
        <source>Saved; leave empty to keep it</source>
        <translation>已保存；留空则保留原值</translation>
    </message>
    <message>
        <source>Choose the CA certificate</source>
        <translation>选择 CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书文件 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the folder to upload into</source>
        <translation>选择上报文件夹</translation>
    </message>
    <message>
        <source>The destination was not saved. Correct what is shown in red.</source>
        <translation>上报目的地未保存。请改正红色标出的问题后重新保存。</translation>
    </message>
</context>
<context>
    <name>DestinationsDialog</name>
    <message>
        <source>Upload destinations</source>
        <translation>上报目的地</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Set as default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Address or folder</source>
        <translation>地址或文件夹</translation>
    </message>
    <message>
        <source>Token or password</source>
        <translation>令牌或密码</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Only an administrator can change the upload destinations.</source>
        <translation>只有管理员可以更改上报目的地。</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Remove upload destination</source>
        <translation>删除上报目的地</translation>
    </message>
    <message>
        <source>Remove the upload destination {name}?</source>
        <translation>确定删除上报目的地“{name}”吗？</translation>
    </message>
    <message>
        <source>Testing {name}…</source>
        <translation>正在测试“{name}”…</translation>
    </message>
    <message>
        <source>{name}: {result}</source>
        <translation>{name}：{result}</translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <source>Skill level: {required} or higher required, {held} held.</source>
        <translation>职业技能等级：要求{required}及以上，本人为{held}。</translation>
    </message>
    <message>
        <source>Years of service: the date the member started work is not recorded. Enter it in “Started work” on the member form.</source>
        <translation>工龄：未登记参加工作日期。请在会员信息的“参加工作日期”中填写。</translation>
    </message>
    <message>
        <source>Years of service on {date}: {years}, at least {required} required.</source>
        <translation>截至 {date} 工龄 {years} 年，要求不少于 {required} 年。</translation>
    </message>
    <message>
        <source>Age on {date}: {age}, allowed {min_age} to {max_age}.</source>
        <translation>截至 {date} 年龄 {age} 岁，要求 {min_age} 至 {max_age} 岁。</translation>
    </message>
    <message>
        <source>Age on {date}: {age}, at least {min_age} required.</source>
        <translation>截至 {date} 年龄 {age} 岁，要求不小于 {min_age} 岁。</translation>
    </message>
    <message>
        <source>Age on {date}: {age}, at most {max_age} allowed.</source>
        <translation>截至 {date} 年龄 {age} 岁，要求不超过 {max_age} 岁。</translation>
    </message>
    <message>
        <source>Same award: “{title}” was awarded in {year}; it cannot be awarded again within {period} years (since {first}).</source>
        <translation>同一荣誉：已于 {year} 年获得“{title}”，{period} 年内（{first} 年起）不得重复获得。</translation>
    </message>
    <message>
        <source>Same award: no “{title}” award since {first} ({period}-year rule).</source>
        <translation>同一荣誉：{first} 年以来未获得“{title}”（{period} 年内不得重复获得）。</translation>
    </message>
    <message>
        <source>Prior honour: {level} level or higher with “{part}” in the title required; held: {honour} ({honour_level}, {year}).</source>
        <translation>已获荣誉：要求获得{level}及以上、名称含“{part}”的荣誉；已获得“{honour}”（{honour_level}，{year} 年）。</translation>
    </message>
    <message>
        <source>Prior honour: {level} level or higher with “{part}” in the title required; none held.</source>
        <translation>已获荣誉：要求获得{level}及以上、名称含“{part}”的荣誉；未获得。</translation>
    </message>
    <message>
        <source>Prior honour: {level} level or higher required; held: {honour} ({honour_level}, {year}).</source>
        <translation>已获荣誉：要求获得{level}及以上荣誉；已获得“{honour}”（{honour_level}，{year} 年）。</translation>
    </message>
    <message>
        <source>Prior honour: {level} level or higher required; none held.</source>
        <translation>已获荣誉：要求获得{level}及以上荣誉；未获得。</translation>
    </message>
    <message>
        <source>Prior honour: one with “{part}” in the title required; held: {honour} ({honour_level}, {year}).</source>
        <translation>已获荣誉：要求获得名称含“{part}”的荣誉；已获得“{honour}”（{honour_level}，{year} 年）。</translation>
    </message>
    <message>
        <source>Prior honour: one with “{part}” in the title required; none held.</source>
        <translation>已获荣誉：要求获得名称含“{part}”的荣誉；未获得。</translation>
    </message>
    <message>
        <source>{category}: the shortlist is empty, at least {percent}% required.</source>
        <translation>{category}：拟推荐名单为空，要求不低于 {percent}%。</translation>
    </message>
    <message>
        <source>{category}: the shortlist is empty, at most {percent}% allowed.</source>
        <translation>{category}：拟推荐名单为空，要求不超过 {percent}%。</translation>
    </message>
    <message>
        <source>{category}: {count} of {total} ({share}%), at least {percent}% required.</source>
        <translation>{category}：{total} 人中 {count} 人（{share}%），要求不低于 {percent}%。</translation>
    </message>
    <message>
        <source>{category}: {count} of {total} ({share}%), at most {percent}% allowed.</source>
        <translation>{category}：{total} 人中 {count} 人（{share}%），要求不超过 {percent}%。</translation>
    </message>
</context>
<context>
    <name>EntriesDialog</name>
    <message>
        <source>Entries: {name}</source>
        <translation>参赛名单：{name}</translation>
    </message>
    <message>
        <source>Name, pinyin initials, last digits of the ID number, or card number</source>
        <translation>姓名、拼音首字母、证件号码后几位或会员证号</translation>
    </message>
    <message>
        <source>Enter as individuals</source>
        <translation>个人参赛</translation>
    </message>
    <message>
        <source>Add to team →</source>
        <translation>加入团队 →</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>退赛…</translation>
    </message>
    <message>
        <source>Record as honour…</source>
        <translation>记为荣誉…</translation>
    </message>
    <message>
        <source>Find members (Ctrl or Shift to choose several)</source>
        <translation>查找会员（按住 Ctrl 或 Shift 可多选）</translation>
    </message>
    <message>
        <source>Team members</source>
        <translation>团队成员</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>参赛者</translation>
    </message>
    <message>
        <source>Edit members</source>
        <translation>编辑队员</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Prize</source>
        <translation>奖项</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>参赛名单</translation>
    </message>
    <message>
        <source>You may look at the entries but not change them.</source>
        <translation>您可以查看参赛名单，但无权修改。</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>已参赛</translation>
    </message>
    <message>
        <source>{count} member(s) entered.</source>
        <translation>已登记 {count} 名会员参赛。</translation>
    </message>
    <message>
        <source>Team “{name}” entered.</source>
        <translation>团队“{name}”已登记参赛。</translation>
    </message>
    <message>
        <source>Add members from the search or remove them, then save the members.</source>
        <translation>可从查找结果中添加队员或将队员移出团队，完成后点击“保存队员”。</translation>
    </message>
    <message>
        <source>Members of team “{name}” saved.</source>
        <translation>团队“{name}”的队员已保存。</translation>
    </message>
    <message>
        <source>Withdraw entry</source>
        <translation>退赛</translation>
    </message>
    <message>
        <source>Reason for withdrawing {name}:</source>
        <translation>{name}退赛的原因：</translation>
    </message>
    <message>
        <source>{name} withdrew.</source>
        <translation>{name}已退赛。</translation>
    </message>
    <message>
        <source>{count} honour(s) recorded.</source>
        <translation>已记录 {count} 项荣誉。</translation>
    </message>
    <message>
        <source>Only an entry with a prize can be recorded.</source>
        <translation>只有获奖的参赛者才能记为荣誉。</translation>
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
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Other material</source>
        <translation>其他材料</translation>
    </message>
    <message>
        <source>National</source>
        <translation>国家级</translation>
    </message>
    <message>
        <source>Provincial/ministerial</source>
        <translation>省部级</translation>
    </message>
    <message>
        <source>Skills competition</source>
        <translation>技能竞赛</translation>
    </message>
    <message>
        <source>Labour competition</source>
        <translation>劳动竞赛</translation>
    </message>
    <message>
        <source>On-the-job training drill</source>
        <translation>岗位练兵</translation>
    </message>
    <message>
        <source>Ankang Cup</source>
        <translation>安康杯</translation>
    </message>
    <message>
        <source>Youth safety demonstration post campaign</source>
        <translation>青年安全示范岗创建</translation>
    </message>
    <message>
        <source>“Be good masters, make contributions in the new era” theme competition</source>
        <translation>“当好主人翁、建功新时代”主题竞赛</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区级</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市级</translation>
    </message>
    <message>
        <source>Nationwide</source>
        <translation>全国</translation>
    </message>
    <message>
        <source>Weighted parts (theory and practical)</source>
        <translation>分项加权计分（理论+实操）</translation>
    </message>
    <message>
        <source>Points rubric (assessment items)</source>
        <translation>考核细则计分（逐项打分）</translation>
    </message>
    <message>
        <source>First prize</source>
        <translation>一等奖</translation>
    </message>
    <message>
        <source>Second prize</source>
        <translation>二等奖</translation>
    </message>
    <message>
        <source>Third prize</source>
        <translation>三等奖</translation>
    </message>
    <message>
        <source>Excellence award</source>
        <translation>优秀奖</translation>
    </message>
    <message>
        <source>District/county</source>
        <translation>区县级</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业级</translation>
    </message>
    <message>
        <source>Saved, not submitted</source>
        <translation>已暂存</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Recused</source>
        <translation>已回避</translation>
    </message>
    <message>
        <source>Same unit</source>
        <translation>同单位</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>亲属</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>放假</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Awaiting handling</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Objection upheld</source>
        <translation>异议成立</translation>
    </message>
    <message>
        <source>Objection dismissed</source>
        <translation>异议不成立</translation>
    </message>
    <message>
        <source>Capital Workers&apos; Culture and Arts Festival</source>
        <translation>首都职工文化艺术节</translation>
    </message>
    <message>
        <source>Reading activity / workers&apos; library</source>
        <translation>读书活动/职工书屋</translation>
    </message>
    <message>
        <source>Model worker / craftsman talk</source>
        <translation>劳模宣讲/工匠宣讲</translation>
    </message>
    <message>
        <source>Theme education</source>
        <translation>主题教育</translation>
    </message>
    <message>
        <source>Visit to an education base</source>
        <translation>参观教育基地</translation>
    </message>
    <message>
        <source>Fitness / workplace exercises</source>
        <translation>健身/工间操</translation>
    </message>
    <message>
        <source>Mental health care</source>
        <translation>心理关爱</translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation>待上报</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>上报中</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Failed, will retry</source>
        <translation>失败待重试</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>HTTP(S) endpoint</source>
        <translation>HTTP(S) 接口</translation>
    </message>
    <message>
        <source>WebDAV storage</source>
        <translation>WebDAV 网盘</translation>
    </message>
    <message>
        <source>Folder (USB stick or network share)</source>
        <translation>文件夹（U 盘或共享）</translation>
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
    <name>EventFormDialog</name>
    <message>
        <source>Event: {title}</source>
        <translation>活动：{title}</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>(choose the type)</source>
        <translation>（请选择活动类型）</translation>
    </message>
    <message>
        <source>for example 2 or 1.5</source>
        <translation>例如 2 或 1.5</translation>
    </message>
    <message>
        <source>Attendees who are not members of the union</source>
        <translation>参加活动的非工会会员人数</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>活动地点</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>活动时长（小时）</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>非会员人数</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>活动照片</translation>
    </message>
    <message>
        <source>Save the event first; then add its photos.</source>
        <translation>请先保存活动，再添加活动照片。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>“{text}” is not a number. Enter the hours, for example 1.5.</source>
        <translation>“{text}”不是数字。请填写活动时长，例如 1.5。</translation>
    </message>
    <message>
        <source>The event was not saved. Correct the {count} problem(s) shown in red, then save again.</source>
        <translation>活动未保存。请更正红字标出的 {count} 处问题后再保存。</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Remove the photo {name} from the event?</source>
        <translation>确定从活动中移除照片 {name} 吗？</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
</context>
<context>
    <name>EventStatsPanel</name>
    <message>
        <source>Statistics</source>
        <translation>活动统计</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动次数</translation>
    </message>
    <message>
        <source>Member attendances</source>
        <translation>会员参加人次</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>非会员参加人次</translation>
    </message>
    <message>
        <source>Members who took part</source>
        <translation>参加会员人数</translation>
    </message>
    <message>
        <source>Members on the register</source>
        <translation>在册会员人数</translation>
    </message>
    <message>
        <source>Participation rate</source>
        <translation>会员参与率</translation>
    </message>
    <message>
        <source>Member hours</source>
        <translation>会员参加总时长（小时）</translation>
    </message>
    <message>
        <source>Hours per member</source>
        <translation>人均参加时长（小时）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation>参加人次</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加会员</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>非会员</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>Search by title, venue or organiser</source>
        <translation>按活动名称、地点或主办单位查找</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建活动</translation>
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
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Attendance…</source>
        <translation>签到…</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Export attendance…</source>
        <translation>导出参加名单…</translation>
    </message>
    <message>
        <source>Your account may view the events but not change them.</source>
        <translation>您的账号只能查看活动，不能修改。</translation>
    </message>
    <message>
        <source>{count} events</source>
        <translation>共 {count} 项活动</translation>
    </message>
    <message>
        <source>Delete the event “{title}” of {day}? Its attendance no longer counts in the statistics. Reason for deleting:</source>
        <translation>确定删除 {day} 的活动“{title}”吗？删除后其签到记录不再计入统计。删除原因：</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Export attendance</source>
        <translation>导出参加名单</translation>
    </message>
</context>
<context>
    <name>ExportFile</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Write the full ID and mobile numbers? Choose No to write them masked. Full numbers are recorded in the audit log; keep the file safe.</source>
        <translation>是否写入完整的证件号码和手机号码？选择“否”则写入脱敏号码。导出完整号码将记入审计日志，请妥善保管该文件。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Wrote {count} rows to {file}.</source>
        <translation>已将 {count} 行写入 {file}。</translation>
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
    <name>HonourDialog</name>
    <message>
        <source>(not chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>Edit honour</source>
        <translation>编辑荣誉</translation>
    </message>
    <message>
        <source>Add honour</source>
        <translation>添加荣誉</translation>
    </message>
    <message>
        <source>as on the certificate, e.g. 北京市劳动模范</source>
        <translation>按证书填写，如：北京市劳动模范</translation>
    </message>
    <message>
        <source>e.g. 北京市人民政府</source>
        <translation>如：北京市人民政府</translation>
    </message>
    <message>
        <source>The honour was not saved. Correct what is shown in red, then save again.</source>
        <translation>荣誉未保存。请改正红色标出的问题后再保存。</translation>
    </message>
</context>
<context>
    <name>HonoursTab</name>
    <message>
        <source>Title</source>
        <translation>荣誉称号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>荣誉级别</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>获得年份</translation>
    </message>
    <message>
        <source>Awarding body</source>
        <translation>授予单位</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Model worker: {level}</source>
        <translation>劳模：{level}</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the honour {title} ({year}) from this member? The model worker flag is derived again from the remaining honours.</source>
        <translation>确定删除该会员的荣誉“{title}”（{year}年）吗？劳模标识将根据其余荣誉重新认定。</translation>
    </message>
    <message>
        <source>Delete honour</source>
        <translation>删除荣誉</translation>
    </message>
    <message>
        <source>Reason for deleting (required, kept in the audit log):</source>
        <translation>删除原因（必填，将记入操作日志）：</translation>
    </message>
    <message>
        <source>A reason is required. Why is this honour removed?</source>
        <translation>必须填写删除原因。为什么删除这项荣誉？</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Signing identity</source>
        <translation>签名身份</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Export certificate…</source>
        <translation>导出证书…</translation>
    </message>
    <message>
        <source>Create new identity</source>
        <translation>创建新身份</translation>
    </message>
    <message>
        <source>Import PKCS#12 file…</source>
        <translation>导入 PKCS#12 文件…</translation>
    </message>
    <message>
        <source>Current certificate</source>
        <translation>当前证书</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256)</source>
        <translation>指纹（SHA-256）</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>New identity</source>
        <translation>新建签名身份</translation>
    </message>
    <message>
        <source>A new identity is a key pair with a self-signed certificate in the union&apos;s name and code. Choose a passphrase of at least {minimum} characters: it protects the key, is asked at each signing and cannot be recovered. Or import the PKCS#12 file the higher-level union issued.</source>
        <translation>新建的签名身份包含一对密钥和以本工会名称及统一社会信用代码签发的自签名证书。请设置至少{minimum}个字符的口令：口令用于保护密钥，每次签名时都会询问，遗忘后无法找回。也可以导入上级工会签发的 PKCS#12 文件。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>Only an administrator can create or import the signing identity.</source>
        <translation>只有管理员可以创建或导入签名身份。</translation>
    </message>
    <message>
        <source>There is no signing identity yet. Returns cannot be signed.</source>
        <translation>尚未设置签名身份，报表无法签名。</translation>
    </message>
    <message>
        <source>Self-signed certificate</source>
        <translation>自签名证书</translation>
    </message>
    <message>
        <source>Certificate issued by an authority</source>
        <translation>由签发机构颁发的证书</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>两次输入的口令不一致，请重新输入。</translation>
    </message>
    <message>
        <source>Import a signing identity</source>
        <translation>导入签名身份</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 文件 (*.p12 *.pfx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Enter the passphrase the file {file} was protected with.</source>
        <translation>请输入保护文件{file}的口令。</translation>
    </message>
    <message>
        <source>Replace the signing identity</source>
        <translation>替换签名身份</translation>
    </message>
    <message>
        <source>Replace the current signing identity (fingerprint {fingerprint})? Returns signed from now on carry the new certificate; give it to the higher-level union again. The old identity is kept aside.</source>
        <translation>确定替换当前签名身份（指纹 {fingerprint}）吗？此后签名的报表将使用新证书，请将新证书重新交给上级工会。旧身份会另行保留。</translation>
    </message>
    <message>
        <source>The signing identity is ready. Export the certificate and give it to the higher-level union so they can check your returns.</source>
        <translation>签名身份已就绪。请导出证书并交给上级工会，以便其核验本工会的报表。</translation>
    </message>
    <message>
        <source>Export the certificate</source>
        <translation>导出证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem)</source>
        <translation>PEM 证书 (*.pem)</translation>
    </message>
    <message>
        <source>The certificate was written to {file}.</source>
        <translation>证书已写入{file}。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Error reason</source>
        <translation>错误原因</translation>
    </message>
    <message>
        <source>{column}: {reason} ({value})</source>
        <translation>{column}：{reason}（{value}）</translation>
    </message>
    <message>
        <source>{column}: {reason}</source>
        <translation>{column}：{reason}</translation>
    </message>
</context>
<context>
    <name>ImportColumns</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID document type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
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
        <source>Mobile number</source>
        <translation>手机号码</translation>
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
        <source>Skill level</source>
        <translation>技能等级</translation>
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
        <source>Household registration</source>
        <translation>户籍</translation>
    </message>
    <message>
        <source>Household registration type</source>
        <translation>户口性质</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>是否农民工</translation>
    </message>
    <message>
        <source>Work start date</source>
        <translation>参加工作时间</translation>
    </message>
    <message>
        <source>Join date</source>
        <translation>入会时间</translation>
    </message>
    <message>
        <source>Membership card number</source>
        <translation>会员证号</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Worker in hardship</source>
        <translation>是否困难职工</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import members</source>
        <translation>导入会员</translation>
    </message>
    <message>
        <source>Choose the member list to import: an Excel or WPS workbook (.xlsx, .xls), an OpenDocument sheet (.ods) or a CSV file. The first visible sheet is read; title rows above the header row are skipped. Nothing is saved until you confirm the check in the last step.</source>
        <translation>请选择要导入的会员名单：Excel 或 WPS 工作簿（.xlsx、.xls）、OpenDocument 表格（.ods）或 CSV 文件。系统读取第一个可见工作表，并跳过表头上方的标题行。在最后一步确认检查结果之前，不会保存任何数据。</translation>
    </message>
    <message>
        <source>Path of the file</source>
        <translation>文件路径</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)</source>
        <translation>电子表格 (*.xlsx *.xlsm *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be changed.</source>
        <translation>正在取消…不会更改任何数据。</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>检查数据</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>The file has no rows. Choose another file.</source>
        <translation>该文件没有任何数据行，请选择其他文件。</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查数据…</translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved the error report to {file}.</source>
        <translation>错误报告已保存到 {file}。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import finished: {created} members added, {updated} updated, {skipped} skipped, {errors} rows with errors not imported.</source>
        <translation>导入完成：新增会员 {created} 名，更新 {updated} 名，跳过 {skipped} 名，{errors} 行有错误未导入。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消，未更改任何数据。</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>New members:</source>
        <translation>新增会员：</translation>
    </message>
    <message>
        <source>Members to update:</source>
        <translation>需更新的会员：</translation>
    </message>
    <message>
        <source>Already registered, skipped:</source>
        <translation>已在名册中，跳过：</translation>
    </message>
    <message>
        <source>Rows with errors (not imported):</source>
        <translation>有错误的行（不导入）：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>What to correct</source>
        <translation>需更正的内容</translation>
    </message>
    <message>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <source>Create the departments the file names that are not in the tree yet: {names}</source>
        <translation>创建文件中列出但组织机构中尚没有的部门：{names}</translation>
    </message>
    <message>
        <source>Every row can be imported.</source>
        <translation>所有行均可导入。</translation>
    </message>
    <message>
        <source>The first {shown} of {count} problems are shown. Save the error report to see them all, correct the file and import it again.</source>
        <translation>共 {count} 个问题，此处显示前 {shown} 个。请保存错误报告查看全部问题，更正文件后重新导入。</translation>
    </message>
    <message>
        <source>Rows with errors are not imported. Save the error report, correct those rows in it and import it again.</source>
        <translation>有错误的行不会导入。请保存错误报告，在其中更正这些行后重新导入。</translation>
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
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Self-test…</source>
        <translation>自检…</translation>
    </message>
    <message>
        <source>About UnionDesk</source>
        <translation>关于 UnionDesk</translation>
    </message>
    <message>
        <source>UnionDesk {version}: trade-union registers and returns.</source>
        <translation>UnionDesk {version}：工会台账与报表。</translation>
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
        <source>Unsaved scores</source>
        <translation>成绩尚未保存</translation>
    </message>
    <message>
        <source>Scores typed in the competition grid are not saved yet. Close anyway and lose them? Choose No to go back and save them.</source>
        <translation>竞赛成绩表中录入的成绩尚未保存。仍要关闭并放弃这些成绩吗？选“否”返回保存。</translation>
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
        <source>Honours</source>
        <translation>荣誉</translation>
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
    <name>MemberPicker</name>
    <message>
        <source>Nominate a member</source>
        <translation>推荐候选人：选择会员</translation>
    </message>
    <message>
        <source>Name, pinyin initials, last digits of the ID number, or card number</source>
        <translation>姓名、拼音首字母、证件号码后几位或会员证号</translation>
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
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the members the list shows to an Excel file</source>
        <translation>将列表中当前显示的会员保存为 Excel 文件</translation>
    </message>
    <message>
        <source>Download template…</source>
        <translation>下载模板…</translation>
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
    <message>
        <source>Export members</source>
        <translation>导出会员</translation>
    </message>
    <message>
        <source>Download template</source>
        <translation>下载模板</translation>
    </message>
    <message>
        <source>Saved the import template to {file}. Fill in one member per row, then import it with the Import… button.</source>
        <translation>导入模板已保存到 {file}。请每行填写一名会员，然后点击“导入…”按钮导入。</translation>
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
    <name>NewRoundDialog</name>
    <message>
        <source>New review round</source>
        <translation>新建评审轮次</translation>
    </message>
    <message>
        <source>Empty: the program&apos;s quorum; or e.g. 3/4</source>
        <translation>留空则采用评选项目的比例；也可填写如 3/4</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Opens on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Closes on</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>评审组长</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>评委</translation>
    </message>
    <message>
        <source>Candidates (eligible)</source>
        <translation>候选人（资格审查合格）</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>有效评分人数比例</translation>
    </message>
    <message>
        <source>(no chair)</source>
        <translation>（不设组长）</translation>
    </message>
    <message>
        <source>Enter the quorum as a fraction such as 2/3, or as a percentage such as 75%.</source>
        <translation>请以分数（如 2/3）或百分比（如 75%）填写有效评分人数比例。</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <source>Objection against {name}</source>
        <translation>登记异议：{name}</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>异议内容</translation>
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
    <name>OptionalEndEdit</name>
    <message>
        <source>Tick to enter when the event ends</source>
        <translation>勾选后填写活动结束时间</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Return</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>下次尝试</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>回执编号</translation>
    </message>
    <message>
        <source>Delivered at</source>
        <translation>上报时间</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>Your account may not upload returns. Returns are made and uploaded by officers and administrators.</source>
        <translation>您的账户无权上报报表。报表由录入员和管理员制作并上报。</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>立即上报</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Show reason</source>
        <translation>查看原因</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Print receipts…</source>
        <translation>打印回执…</translation>
    </message>
    <message>
        <source>Upload destinations…</source>
        <translation>上报目的地…</translation>
    </message>
    <message>
        <source>Show discarded</source>
        <translation>显示已放弃</translation>
    </message>
    <message>
        <source>Last upload round at {time}: {delivered} delivered, {failed} to retry, {quarantined} quarantined.</source>
        <translation>最近一轮上报（{time}）：已上报 {delivered} 份，待重试 {failed} 份，已隔离 {quarantined} 份。</translation>
    </message>
    <message>
        <source>Sending {count} waiting returns…</source>
        <translation>正在上报 {count} 份待上报的报表…</translation>
    </message>
    <message>
        <source>Nothing is waiting to be uploaded.</source>
        <translation>没有待上报的报表。</translation>
    </message>
    <message>
        <source>{title} — {state} — {destination}</source>
        <translation>{title} — {state} — {destination}</translation>
    </message>
    <message>
        <source>The destination gave no message.</source>
        <translation>目的地没有返回说明。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃上报</translation>
    </message>
    <message>
        <source>Why is “{title}” not to be uploaded? (kept in the audit log)</source>
        <translation>为什么不再上报“{title}”？（原因将记入审计日志）</translation>
    </message>
    <message>
        <source>Discard “{title}” ({period})? It will not be uploaded; its files stay in the outbox folder.</source>
        <translation>确定放弃上报“{title}”（{period}）吗？放弃后将不再上报，其文件仍保留在待上报文件夹中。</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Enter the passphrase of the signing identity. It is not stored anywhere; UnionDesk asks for it at each signing.</source>
        <translation>请输入签名身份的口令。口令不会保存在任何地方，每次签名时 UnionDesk 都会询问。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>第 {page} 页 / 共 {count} 页</translation>
    </message>
</context>
<context>
    <name>PrizeBandsEditor</name>
    <message>
        <source> places</source>
        <translation> 名</translation>
    </message>
</context>
<context>
    <name>PrizeHonourDialog</name>
    <message>
        <source>Record as honour: {name}</source>
        <translation>记为荣誉：{name}</translation>
    </message>
    <message>
        <source>for example 北京市总工会</source>
        <translation>例如：北京市总工会</translation>
    </message>
    <message>
        <source>{prize} is recorded as an honour of: {people}</source>
        <translation>将“{prize}”记为以下人员的荣誉：{people}</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>荣誉级别</translation>
    </message>
    <message>
        <source>Awarding body</source>
        <translation>授予单位</translation>
    </message>
</context>
<context>
    <name>ProgramDialog</name>
    <message>
        <source>Enter the quorum as a fraction such as 2/3, or as a percentage such as 67%.</source>
        <translation>请以分数（如 2/3）或百分比（如 67%）填写有效评分人数比例。</translation>
    </message>
    <message>
        <source>Edit award program</source>
        <translation>编辑评选项目</translation>
    </message>
    <message>
        <source>New award program</source>
        <translation>新建评选项目</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>不要求</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>for example 2/3 or 67%</source>
        <translation>如 2/3 或 67%</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Max points</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>项目信息</translation>
    </message>
    <message>
        <source>Eligibility and quotas</source>
        <translation>资格条件与名额</translation>
    </message>
    <message>
        <source>Scoring and publicity</source>
        <translation>评分与公示</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Title awarded</source>
        <translation>授予称号</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>添加类别</translation>
    </message>
    <message>
        <source>Remove category</source>
        <translation>删除类别</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>候选人类别</translation>
    </message>
    <message>
        <source>Nomination deadline</source>
        <translation>推荐截止日期</translation>
    </message>
    <message>
        <source>Review deadline</source>
        <translation>评审截止日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Minimum skill level</source>
        <translation>最低职业技能等级</translation>
    </message>
    <message>
        <source>Minimum years of service</source>
        <translation>最少工作年限</translation>
    </message>
    <message>
        <source>Minimum age</source>
        <translation>最低年龄</translation>
    </message>
    <message>
        <source>Maximum age</source>
        <translation>最高年龄</translation>
    </message>
    <message>
        <source>Same title not within</source>
        <translation>同一称号不得重复获评年限</translation>
    </message>
    <message>
        <source>Prior honour of level</source>
        <translation>须获荣誉级别</translation>
    </message>
    <message>
        <source>Prior honour title contains</source>
        <translation>须获荣誉名称包含</translation>
    </message>
    <message>
        <source>Add quota</source>
        <translation>添加名额比例</translation>
    </message>
    <message>
        <source>Remove quota</source>
        <translation>删除名额比例</translation>
    </message>
    <message>
        <source>Quotas of the shortlist</source>
        <translation>拟推荐名额比例</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>添加评分项</translation>
    </message>
    <message>
        <source>Remove criterion</source>
        <translation>删除评分项</translation>
    </message>
    <message>
        <source>Scoring rubric</source>
        <translation>评分细则</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>有效评分人数比例</translation>
    </message>
    <message>
        <source>Disagreement above</source>
        <translation>分歧提示阈值（标准差）</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>A standard deviation of the reviewers&apos; totals above this is flagged.</source>
        <translation>评委总分的标准差超过此值时，标记为评分分歧较大。</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>新类别</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>至少</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>至多</translation>
    </message>
    <message>
        <source>Weights add up to {total}; totals are scaled to 100 points.</source>
        <translation>权重合计 {total}；总分均折算为百分制。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The program was not saved. Correct the {count} problem(s) shown in red, then save again.</source>
        <translation>评选项目未保存。请修改红字提示的 {count} 处问题后重新保存。</translation>
    </message>
</context>
<context>
    <name>PublicityDialog</name>
    <message>
        <source>Publicity</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>异议内容</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>处理日期</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Nominating unit</source>
        <translation>推荐单位</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Publicity period</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已期满</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Ended with no objection</source>
        <translation>公示期满无异议</translation>
    </message>
    <message>
        <source>Start the publicity of all shortlisted candidates</source>
        <translation>开始公示（全部拟推荐人选）</translation>
    </message>
    <message>
        <source>Needed only when a quota rule is not met: why start anyway</source>
        <translation>仅在不符合名额比例时填写：仍然开始公示的理由</translation>
    </message>
    <message>
        <source>Start publicity</source>
        <translation>开始公示</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>公示开始日期</translation>
    </message>
    <message>
        <source>Quota check</source>
        <translation>名额比例检查</translation>
    </message>
    <message>
        <source>Reason for overriding</source>
        <translation>仍然公示的理由</translation>
    </message>
    <message>
        <source>Objections and decision for the selected candidate</source>
        <translation>所选候选人的异议与审批</translation>
    </message>
    <message>
        <source>Record objection…</source>
        <translation>登记异议…</translation>
    </message>
    <message>
        <source>Resolve objection…</source>
        <translation>处理异议…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Not approve…</source>
        <translation>不通过…</translation>
    </message>
    <message>
        <source>{count} ({pending} pending)</source>
        <translation>{count} 件（待处理 {pending} 件）</translation>
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
        <source>{days} working days, ending on {end}</source>
        <translation>共 {days} 个工作日，{end} 结束</translation>
    </message>
    <message>
        <source>The program sets no quota.</source>
        <translation>本评选项目未设名额比例。</translation>
    </message>
    <message>
        <source>A quota rule is not met. Write why the publicity starts anyway.</source>
        <translation>拟推荐名单不符合名额比例要求，请填写仍然开始公示的理由。</translation>
    </message>
    <message>
        <source>The publicity has started; it ends on {end}.</source>
        <translation>公示已开始，将于 {end} 结束。</translation>
    </message>
    <message>
        <source>Approve {name}? This decision is final.</source>
        <translation>确定审批通过{name}吗？审批结果不可更改。</translation>
    </message>
    <message>
        <source>Why is {name} not approved?</source>
        <translation>{name}未通过的理由：</translation>
    </message>
    <message>
        <source>Not approve</source>
        <translation>不通过</translation>
    </message>
</context>
<context>
    <name>ReceiptListDialog</name>
    <message>
        <source>Upload receipts</source>
        <translation>上报回执</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
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
    <name>RecusalDialog</name>
    <message>
        <source>Recuse from {name}</source>
        <translation>回避：{name}</translation>
    </message>
    <message>
        <source>Describe the conflict (required for Other)</source>
        <translation>说明利益冲突的具体情况（选择“其他”时必填）</translation>
    </message>
    <message>
        <source>Recuse</source>
        <translation>确认回避</translation>
    </message>
    <message>
        <source>You will not score this candidate. Only the chair of the round can undo a recusal.</source>
        <translation>回避后您将不再为该候选人评分。如需撤销回避，须由评审组长办理。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>回避原因</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>具体情况</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>{count} returns wait to be uploaded; the oldest has waited {days} days</source>
        <translation>有 {count} 份报表待上报，最早的一份已等待 {days} 天</translation>
    </message>
    <message>
        <source>No backup has been made yet</source>
        <translation>尚未进行过备份</translation>
    </message>
    <message>
        <source>The last backup was {days} days ago</source>
        <translation>最近一次备份已是 {days} 天前</translation>
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
    <name>ResolveDialog</name>
    <message>
        <source>Resolve objection</source>
        <translation>处理异议</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议内容</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>属实</translation>
    </message>
    <message>
        <source>Unfounded</source>
        <translation>不属实</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>处理日期</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>Review results</source>
        <translation>评审结果</translation>
    </message>
    <message>
        <source>Show each reviewer&apos;s scores</source>
        <translation>明细（显示每位评委的评分）</translation>
    </message>
    <message>
        <source>Shortlist selected…</source>
        <translation>列入拟推荐…</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Nominating unit</source>
        <translation>推荐单位</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Valid / assigned</source>
        <translation>有效/应评</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Std. deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No round is closed yet.</source>
        <translation>尚无已结束的评审轮次。</translation>
    </message>
    <message>
        <source>Review results: {program}</source>
        <translation>评审结果：{program}</translation>
    </message>
    <message>
        <source>Below quorum</source>
        <translation>不足法定人数</translation>
    </message>
    <message>
        <source>Tied {rank}</source>
        <translation>并列{rank}</translation>
    </message>
    <message>
        <source>Wide disagreement</source>
        <translation>分歧较大</translation>
    </message>
    <message>
        <source>Highest and lowest dropped</source>
        <translation>已去掉一个最高分和一个最低分</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{name} (max {maximum}, weight {weight})</source>
        <translation>{name}（满分 {maximum}，权重 {weight}）</translation>
    </message>
    <message>
        <source>Rubric: {criteria}</source>
        <translation>评分标准：{criteria}</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选人</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评委</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Recusal reason</source>
        <translation>回避原因</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Shortlist {count} candidate(s): {names}?</source>
        <translation>将以下 {count} 名候选人列入拟推荐：{names}？</translation>
    </message>
    <message>
        <source>Shortlist</source>
        <translation>列入拟推荐</translation>
    </message>
</context>
<context>
    <name>ReturnForm</name>
    <message>
        <source>Member roster</source>
        <translation>会员花名册</translation>
    </message>
    <message>
        <source>Union work statistics</source>
        <translation>工会工作统计表</translation>
    </message>
    <message>
        <source>Candidate nomination form</source>
        <translation>候选人推荐表</translation>
    </message>
    <message>
        <source>Review results summary</source>
        <translation>评审结果汇总表</translation>
    </message>
    <message>
        <source>Competition results and certificates</source>
        <translation>竞赛成绩表及获奖证书</translation>
    </message>
    <message>
        <source>Culture activity statistics</source>
        <translation>文化活动统计表</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>First quarter</source>
        <translation>第一季度</translation>
    </message>
    <message>
        <source>Second quarter</source>
        <translation>第二季度</translation>
    </message>
    <message>
        <source>Third quarter</source>
        <translation>第三季度</translation>
    </message>
    <message>
        <source>Fourth quarter</source>
        <translation>第四季度</translation>
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
        <source>No selection program yet</source>
        <translation>暂无评选项目</translation>
    </message>
    <message>
        <source>No candidate in this program</source>
        <translation>该项目暂无候选人</translation>
    </message>
    <message>
        <source>No competition yet</source>
        <translation>暂无竞赛</translation>
    </message>
    <message>
        <source>Print full ID numbers</source>
        <translation>打印完整证件号码</translation>
    </message>
    <message>
        <source>Unticked, ID numbers are printed masked. Printing them in full is recorded in the audit log.</source>
        <translation>不勾选时，证件号码脱敏打印。打印完整号码将记入操作日志。</translation>
    </message>
    <message>
        <source>Generate preview</source>
        <translation>生成预览</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>报表期间</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Member status</source>
        <translation>会籍状态</translation>
    </message>
    <message>
        <source>Selection program</source>
        <translation>评选项目</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选人</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>竞赛</translation>
    </message>
    <message>
        <source>Choose the candidate whose nomination form to make.</source>
        <translation>请选择要制作推荐表的候选人。</translation>
    </message>
    <message>
        <source>Choose the selection program whose review results to summarise.</source>
        <translation>请选择要汇总评审结果的评选项目。</translation>
    </message>
    <message>
        <source>Choose the competition whose results to print.</source>
        <translation>请选择要打印成绩的竞赛。</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>Verify a PDF…</source>
        <translation>验证 PDF 签名…</translation>
    </message>
    <message>
        <source>Signing identity…</source>
        <translation>签名身份…</translation>
    </message>
    <message>
        <source>Your account may not make returns. Returns are made by officers and administrators; you can still verify the signature of a return above.</source>
        <translation>您的账户无权制作报表。报表由录入员和管理员制作；您仍可通过上方按钮验证报表的数字签名。</translation>
    </message>
    <message>
        <source>Choose a return on the left and press Generate preview.</source>
        <translation>请在左侧选择报表，然后点击“生成预览”。</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save and sign…</source>
        <translation>保存并签名…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Add to outbox</source>
        <translation>加入待上报</translation>
    </message>
    <message>
        <source>Upload this signed return to the higher-level union when a connection is up</source>
        <translation>网络可用时将这份已签名的报表上报上级工会</translation>
    </message>
    <message>
        <source>Generating the return…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>{title} — {period} — {count} pages</source>
        <translation>{title} — {period} — 共 {count} 页</translation>
    </message>
    <message>
        <source>Generated at {time}.</source>
        <translation>已于 {time} 生成。</translation>
    </message>
    <message>
        <source>Save the return in</source>
        <translation>选择报表保存位置</translation>
    </message>
    <message>
        <source>Sign {title}</source>
        <translation>签名：{title}</translation>
    </message>
    <message>
        <source>Signing and saving…</source>
        <translation>正在签名并保存…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Signed and saved in {folder}:</source>
        <translation>已签名并保存到 {folder}：</translation>
    </message>
    <message>
        <source>Saved in {folder}:</source>
        <translation>已保存到 {folder}：</translation>
    </message>
    <message>
        <source>Added to the outbox for {destination}; it is uploaded in the background.</source>
        <translation>已加入待上报，目的地：{destination}；将在后台自动上报。</translation>
    </message>
    <message>
        <source>Printing page {page} of {count}…</source>
        <translation>正在打印第 {page} 页 / 共 {count} 页…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>{count} pages sent to the printer.</source>
        <translation>已将 {count} 页发送到打印机。</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is switched on and connected, or choose another printer, then print again.</source>
        <translation>无法启动打印机。请检查打印机是否已开机并连接好，或改选其他打印机，然后重新打印。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>My status</source>
        <translation>我的评审状态</translation>
    </message>
    <message>
        <source>Ctrl+Down / Ctrl+Up: next / previous candidate</source>
        <translation>Ctrl+↓ / Ctrl+↑：下一位 / 上一位候选人</translation>
    </message>
    <message>
        <source>Chair: progress and closing…</source>
        <translation>组长：评审进度与结束…</translation>
    </message>
    <message>
        <source>As chair of this round: see who has submitted, reopen a review, close it.</source>
        <translation>作为本轮评审组长：查看评分提交情况、重新打开评分、结束评审。</translation>
    </message>
    <message>
        <source>Review round</source>
        <translation>评审轮次</translation>
    </message>
    <message>
        <source>Nominating unit</source>
        <translation>推荐单位</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>事迹简介</translation>
    </message>
    <message>
        <source>Deeds</source>
        <translation>主要事迹</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Nomination</source>
        <translation>推荐材料</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>暂存</translation>
    </message>
    <message>
        <source>Keep the scores without submitting (Ctrl+S)</source>
        <translation>保存已填分数但不提交（Ctrl+S）</translation>
    </message>
    <message>
        <source>Submit…</source>
        <translation>提交…</translation>
    </message>
    <message>
        <source>Recuse…</source>
        <translation>回避…</translation>
    </message>
    <message>
        <source>My scores</source>
        <translation>我的评分</translation>
    </message>
    <message>
        <source>{program} — {round} ({opens} – {closes}), finished {finished}/{total}</source>
        <translation>{program} — {round}（{opens} 至 {closes}）已完成 {finished}/{total}</translation>
    </message>
    <message>
        <source>{round} [closed]</source>
        <translation>{round}【已结束】</translation>
    </message>
    <message>
        <source>You are not a reviewer of any round yet.</source>
        <translation>您目前未被指定为任何评审轮次的评委。</translation>
    </message>
    <message>
        <source>Choose a candidate on the left.</source>
        <translation>请在左侧选择候选人。</translation>
    </message>
    <message>
        <source>No candidates are assigned to you in this round.</source>
        <translation>本轮评审中没有分配给您的候选人。</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Submitted. To change it, ask the chair of the review round.</source>
        <translation>已提交，如需修改请联系评审组长。</translation>
    </message>
    <message>
        <source>You recused yourself ({reason}). To change it, ask the chair of the review round.</source>
        <translation>您已回避（{reason}），如需修改请联系评审组长。</translation>
    </message>
    <message>
        <source>This round is closed; reviews can no longer change.</source>
        <translation>本轮评审已结束，评分不能再修改。</translation>
    </message>
    <message>
        <source>This round accepts reviews from {opens} to {closes}; today is outside that period.</source>
        <translation>本轮评审时间为 {opens} 至 {closes}，今天不在评审期内。</translation>
    </message>
    <message>
        <source>This review cannot be changed (the candidate may have been withdrawn).</source>
        <translation>该评分不能修改（候选人可能已撤回）。</translation>
    </message>
    <message>
        <source>Submit review</source>
        <translation>提交评分</translation>
    </message>
    <message>
        <source>Submit your review of {name}? After submitting you cannot change it.</source>
        <translation>确定提交对{name}的评分吗？提交后不能修改。</translation>
    </message>
    <message>
        <source>Not stored. Correct the entries marked in red.</source>
        <translation>未保存。请更正红色标出的内容。</translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation>已于 {time} 保存。</translation>
    </message>
</context>
<context>
    <name>ReviewerPage</name>
    <message>
        <source>Reviewers see only the review rounds assigned to them, not the member register. Open Selection to score your candidates.</source>
        <translation>评委只能看到分配给自己的评审轮次，不能查看会员名册。请打开“评选”为候选人评分。</translation>
    </message>
</context>
<context>
    <name>RoundsDialog</name>
    <message>
        <source>Review rounds</source>
        <translation>评审轮次</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>评审轮次</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>评审期间</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>评审组长</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New round…</source>
        <translation>新建轮次…</translation>
    </message>
    <message>
        <source>Close round…</source>
        <translation>结束评审…</translation>
    </message>
    <message>
        <source>Results…</source>
        <translation>评审结果…</translation>
    </message>
    <message>
        <source>Reopen review…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Progress (status only; scores stay sealed)</source>
        <translation>评审进度（仅显示状态，评分保密）</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Only the chair of the round may reopen.</source>
        <translation>只有本轮评审组长或管理员可以重新打开评分。</translation>
    </message>
    <message>
        <source>Why is the review of {reviewer} on {candidate} reopened?</source>
        <translation>重新打开{reviewer}对{candidate}的评分的原因：</translation>
    </message>
    <message>
        <source>Reopen review</source>
        <translation>重新打开评分</translation>
    </message>
    <message>
        <source>{count} reviews of “{round}” are not submitted. Close the round anyway? Unsubmitted scores do not count.</source>
        <translation>“{round}”还有 {count} 份评分未提交。仍要结束评审吗？未提交的评分不计入结果。</translation>
    </message>
    <message>
        <source>Close “{round}”? The reviews can no longer change, and the results become visible.</source>
        <translation>结束“{round}”吗？结束后评分不能再修改，评审结果将可以查看。</translation>
    </message>
    <message>
        <source>Close round</source>
        <translation>结束评审</translation>
    </message>
</context>
<context>
    <name>SchemeEditor</name>
    <message>
        <source>Part</source>
        <translation>评分项目</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Max score</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Assessment item</source>
        <translation>考核项目</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>for example 90; empty: no pass mark</source>
        <translation>例如 90；留空表示不设达标线</translation>
    </message>
    <message>
        <source>Theory 30% + practical 70%</source>
        <translation>理论30% + 实操70%</translation>
    </message>
    <message>
        <source>Ankang Cup assessment form</source>
        <translation>安康杯评分表</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>达标线</translation>
    </message>
</context>
<context>
    <name>ScoreGrid</name>
    <message>
        <source>Tied {rank}</source>
        <translation>并列{rank}</translation>
    </message>
    <message>
        <source>Save scores</source>
        <translation>保存成绩</translation>
    </message>
    <message>
        <source>Save every changed score (Ctrl+S)</source>
        <translation>保存所有修改过的成绩（Ctrl+S）</translation>
    </message>
    <message>
        <source>{count} score(s) not saved yet.</source>
        <translation>有 {count} 个成绩尚未保存。</translation>
    </message>
    <message>
        <source>{count} marked in red cannot be saved: point at a cell to see why.</source>
        <translation>其中 {count} 个以红色标出，无法保存：将鼠标指向该格可查看原因。</translation>
    </message>
    <message>
        <source>No entries yet. Add members or teams with Entries…</source>
        <translation>尚无参赛者。请通过“参赛名单…”添加会员或团队。</translation>
    </message>
</context>
<context>
    <name>ScoreGridModel</name>
    <message>
        <source>Passed</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>Team members: {names}</source>
        <translation>团队成员：{names}</translation>
    </message>
    <message>
        <source>Not saved yet. Press Ctrl+S to save the scores.</source>
        <translation>尚未保存。按 Ctrl+S 保存成绩。</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>参赛者</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Prize</source>
        <translation>奖项</translation>
    </message>
    <message>
        <source>Pass mark {mark}</source>
        <translation>是否达标（{mark}分）</translation>
    </message>
    <message>
        <source>{name}: 0 to {maximum} points</source>
        <translation>{name}：0～{maximum} 分</translation>
    </message>
    <message>
        <source>weight {weight}</source>
        <translation>权重 {weight}</translation>
    </message>
</context>
<context>
    <name>ScoreSheet</name>
    <message>
        <source>Comment (optional)</source>
        <translation>评语（选填）</translation>
    </message>
    <message>
        <source>max {maximum}</source>
        <translation>满分 {maximum}</translation>
    </message>
    <message>
        <source>Weighted total: {total} of 100</source>
        <translation>加权总分：{total}（满分 100）</translation>
    </message>
</context>
<context>
    <name>SelectionPage</name>
    <message>
        <source>Program</source>
        <translation>评选项目</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候选人</translation>
    </message>
    <message>
        <source>New program</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Edit program</source>
        <translation>编辑项目</translation>
    </message>
    <message>
        <source>View program</source>
        <translation>查看项目</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>按姓名筛选</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Review rounds…</source>
        <translation>评审轮次…</translation>
    </message>
    <message>
        <source>Review results…</source>
        <translation>评审结果…</translation>
    </message>
    <message>
        <source>Publicity…</source>
        <translation>公示…</translation>
    </message>
    <message>
        <source>Holidays…</source>
        <translation>节假日…</translation>
    </message>
    <message>
        <source>Nominate…</source>
        <translation>推荐候选人…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Submit nomination</source>
        <translation>提交推荐</translation>
    </message>
    <message>
        <source>Check eligibility</source>
        <translation>资格审查</translation>
    </message>
    <message>
        <source>Declare eligible…</source>
        <translation>资格认定…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>From the preset “{name}”</source>
        <translation>按“{name}”预设新建</translation>
    </message>
    <message>
        <source>Blank program</source>
        <translation>空白项目</translation>
    </message>
    <message>
        <source>{count} candidate(s)</source>
        <translation>候选人 {count} 名</translation>
    </message>
    <message>
        <source>{name}: {state}</source>
        <translation>{name}：{state}</translation>
    </message>
    <message>
        <source>This program sets no eligibility rules.</source>
        <translation>本项目未设资格条件。</translation>
    </message>
    <message>
        <source>Eligibility check</source>
        <translation>资格审查</translation>
    </message>
    <message>
        <source>Declare eligible</source>
        <translation>资格认定</translation>
    </message>
    <message>
        <source>Why is {name} eligible although the rules say otherwise?</source>
        <translation>{name}未通过资格条件自动审查，请写明认定其合格的理由：</translation>
    </message>
    <message>
        <source>Withdraw the nomination of {name}? A withdrawn nomination cannot be resumed; the member would have to be nominated again.</source>
        <translation>确定撤回对{name}的推荐吗？撤回后不能恢复，如需推荐须重新提交。</translation>
    </message>
    <message>
        <source>Withdraw nomination</source>
        <translation>撤回推荐</translation>
    </message>
    <message>
        <source>Reason for the withdrawal:</source>
        <translation>撤回原因：</translation>
    </message>
</context>
<context>
    <name>Selftest</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Database upgrades</source>
        <translation>数据库升级</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>界面翻译</translation>
    </message>
    <message>
        <source>PDF return</source>
        <translation>PDF 报表</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>电子签章</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>签章验证</translation>
    </message>
    <message>
        <source>Reading the PDF back</source>
        <translation>读回 PDF 文字</translation>
    </message>
    <message>
        <source>Not run, because an earlier check failed.</source>
        <translation>未运行：前面的检查未通过。</translation>
    </message>
    <message>
        <source>Failed: {reason}. Reinstall UnionDesk; if that does not help, call support.</source>
        <translation>失败：{reason}。请重新安装 UnionDesk；仍不能解决时，请联系技术支持。</translation>
    </message>
    <message>
        <source>Created a database and added the member {name}.</source>
        <translation>已创建数据库，并添加了会员{name}。</translation>
    </message>
    <message>
        <source>Upgraded an empty database to revision {revision}.</source>
        <translation>已将空数据库升级到版本 {revision}。</translation>
    </message>
    <message>
        <source>Loaded the fonts ({count} characters).</source>
        <translation>字体已加载（共 {count} 个字符）。</translation>
    </message>
    <message>
        <source>Found the Chinese translation ({size} KB).</source>
        <translation>已找到中文翻译文件（{size} KB）。</translation>
    </message>
    <message>
        <source>Made a roster return ({size} KB).</source>
        <translation>已生成会员名册报表（{size} KB）。</translation>
    </message>
    <message>
        <source>Signed the return with a test identity.</source>
        <translation>已用测试签章身份签署报表。</translation>
    </message>
    <message>
        <source>The signature is valid and the file unchanged.</source>
        <translation>签章有效，文件签署后未被改动。</translation>
    </message>
    <message>
        <source>Read the name {name} back from the PDF.</source>
        <translation>已从 PDF 中读回姓名{name}。</translation>
    </message>
</context>
<context>
    <name>SelftestDialog</name>
    <message>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <source>UnionDesk checks, in a temporary folder, that it can create a database, load its fonts and translations, make, sign and verify a return, and read it back. Your data is not touched.</source>
        <translation>UnionDesk 将在临时文件夹中检查：能否创建数据库，加载字体和界面翻译，生成、签署并验证报表，以及读回报表文字。您的数据不会被改动。</translation>
    </message>
    <message>
        <source>Running the checks…</source>
        <translation>正在检查……</translation>
    </message>
    <message>
        <source>Copy the results</source>
        <translation>复制检查结果</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>{count} checks failed. Copy the results and send them to support.</source>
        <translation>有 {count} 项检查未通过。请复制检查结果，发给技术支持。</translation>
    </message>
    <message>
        <source>All {count} checks passed.</source>
        <translation>全部 {count} 项检查均已通过。</translation>
    </message>
    <message>
        <source>The self-test stopped: {reason}</source>
        <translation>自检中断：{reason}</translation>
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
    <name>TeamEditor</name>
    <message>
        <source>for example 数控一班</source>
        <translation>例如：数控一班</translation>
    </message>
    <message>
        <source>Remove from team</source>
        <translation>移出团队</translation>
    </message>
    <message>
        <source>Enter team</source>
        <translation>团队参赛</translation>
    </message>
    <message>
        <source>Save members</source>
        <translation>保存队员</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>团队名称</translation>
    </message>
    <message>
        <source>Team members</source>
        <translation>团队成员</translation>
    </message>
    <message>
        <source>Members of team “{name}”</source>
        <translation>团队“{name}”的队员</translation>
    </message>
    <message>
        <source>New team</source>
        <translation>新建团队</translation>
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
        <source>Choose the member who is nominated.</source>
        <translation>请选择被推荐的会员。</translation>
    </message>
    <message>
        <source>Enter the nominating unit (推荐单位).</source>
        <translation>请填写推荐单位。</translation>
    </message>
    <message>
        <source>Choose a category of this program: {categories}.</source>
        <translation>请选择本评选项目的类别：{categories}。</translation>
    </message>
    <message>
        <source>Write the summary of deeds before submitting the nomination.</source>
        <translation>提交推荐前，请填写事迹摘要。</translation>
    </message>
    <message>
        <source>Write the account of deeds before submitting the nomination.</source>
        <translation>提交推荐前，请填写详细事迹。</translation>
    </message>
    <message>
        <source>This text has {length} characters, but at most {limit} are allowed. Shorten it.</source>
        <translation>此项内容为 {length} 个字，最多允许 {limit} 个字。请删减。</translation>
    </message>
    <message>
        <source>The file {file} is empty. Choose another file.</source>
        <translation>文件 {file} 是空的，请选择其他文件。</translation>
    </message>
    <message>
        <source>The file {file} is {size} MB; at most {limit} MB is allowed. Scan or save it at a lower resolution and attach it again.</source>
        <translation>文件 {file} 大小为 {size} MB，最多允许 {limit} MB。请降低分辨率重新扫描或保存后再添加。</translation>
    </message>
    <message>
        <source>The file {file} is not a {allowed} file (its content was checked, not only its name). Save it as {allowed} and attach it again.</source>
        <translation>文件 {file} 不是 {allowed} 格式（已检查文件内容，而不只是文件名）。请另存为 {allowed} 格式后再添加。</translation>
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
        <source>Enter why this honour is removed; the reason is kept in the audit log.</source>
        <translation>请填写删除该荣誉的原因，原因将记入操作日志。</translation>
    </message>
    <message>
        <source>This member is no longer on the register (deleted meanwhile?). Refresh the list.</source>
        <translation>该会员已不在台账中（可能已被他人删除）。请刷新列表。</translation>
    </message>
    <message>
        <source>This honour is no longer on record (deleted meanwhile?). Refresh the list.</source>
        <translation>该荣誉记录已不存在（可能已被他人删除），请刷新列表。</translation>
    </message>
    <message>
        <source>This ID number is already registered to {name} (card {card}). Open that member instead of adding them twice.</source>
        <translation>该证件号码已登记在 {name}（会员证号 {card}）名下。请打开该会员进行编辑，不要重复添加。</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was changed.</source>
        <translation>导入已取消，未做任何修改。</translation>
    </message>
    <message>
        <source>No header row was found in the first {scan} rows of the sheet “{sheet}”. Put a row with the column titles (at least 姓名 and 身份证号) above the members, or start from the import template.</source>
        <translation>工作表“{sheet}”的前 {scan} 行中没有找到表头行。请在会员数据上方加一行列标题（至少包括“姓名”和“身份证号”），或使用导入模板重新填写。</translation>
    </message>
    <message>
        <source>Choose which columns hold the name (姓名) and the ID number (身份证号); both are needed to import members.</source>
        <translation>请指定“姓名”和“身份证号”所在的列；导入会员必须有这两列。</translation>
    </message>
    <message>
        <source>Two columns are mapped to the same field. Map each field to one column only.</source>
        <translation>有两列对应到了同一个字段。每个字段只能对应一列。</translation>
    </message>
    <message>
        <source>Card number {card} already belongs to {name}. Each member needs their own card number.</source>
        <translation>会员证号 {card} 已被 {name} 使用。每名会员须使用各自的会员证号，请更换。</translation>
    </message>
    <message>
        <source>This ID number is already in row {row} of the file. Keep one of the two rows.</source>
        <translation>该身份证号与文件第 {row} 行重复。请只保留其中一行。</translation>
    </message>
    <message>
        <source>Card number {card} is already in row {row} of the file. Each member needs their own card number.</source>
        <translation>会员证号 {card} 与文件第 {row} 行重复。每位会员的会员证号必须唯一。</translation>
    </message>
    <message>
        <source>The file names {count} departments that are not in the tree yet: {names}. Confirm adding them, or correct the department column.</source>
        <translation>文件中有 {count} 个部门尚未建立：{names}。请确认新建这些部门，或修改文件中的部门列。</translation>
    </message>
    <message>
        <source>The register or the department tree changed since the preview (another user was working on it). Nothing was imported; check the file again.</source>
        <translation>预览之后会员名册或部门结构已发生变化（其他用户正在操作）。本次未导入任何数据，请重新检查文件。</translation>
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
    <message>
        <source>The stored rules are damaged. Set them again on the program form.</source>
        <translation>已保存的规则已损坏，请在评选项目中重新设置。</translation>
    </message>
    <message>
        <source>The stored rule “{key}” is not known to this version of UnionDesk.</source>
        <translation>当前版本的 UnionDesk 无法识别已保存的规则“{key}”。</translation>
    </message>
    <message>
        <source>The stored rules lack “{key}”. Set them again on the program form.</source>
        <translation>已保存的规则缺少“{key}”，请在评选项目中重新设置。</translation>
    </message>
    <message>
        <source>The stored rule “{key}” has the value {value}, which is not valid. Set it again on the program form.</source>
        <translation>已保存的规则“{key}”的值 {value} 无效，请在评选项目中重新设置。</translation>
    </message>
    <message>
        <source>The minimum years of service must be from 0 to {limit}.</source>
        <translation>最低工龄应在 0 至 {limit} 年之间。</translation>
    </message>
    <message>
        <source>The period without the same award must be from 1 to {limit} years.</source>
        <translation>不得重复获得同一荣誉的年限应在 1 至 {limit} 年之间。</translation>
    </message>
    <message>
        <source>The age limit {age} is not possible. Enter an age from {low} to {high}.</source>
        <translation>年龄限制 {age} 岁不合理，请填写 {low} 至 {high} 岁之间的年龄。</translation>
    </message>
    <message>
        <source>The minimum age {min_age} is above the maximum age {max_age}.</source>
        <translation>最低年龄 {min_age} 岁高于最高年龄 {max_age} 岁。</translation>
    </message>
    <message>
        <source>Choose the level of the honour.</source>
        <translation>请选择荣誉级别。</translation>
    </message>
    <message>
        <source>Enter the title of the honour as it is written on the certificate.</source>
        <translation>请按证书上的写法填写荣誉称号。</translation>
    </message>
    <message>
        <source>Enter the year the honour was awarded.</source>
        <translation>请填写获得荣誉的年份。</translation>
    </message>
    <message>
        <source>The award year {year} is not possible. Enter a year from {first} to {last}.</source>
        <translation>获得荣誉年份 {year} 不合理，请填写 {first} 至 {last} 之间的年份。</translation>
    </message>
    <message>
        <source>Enter the body that awarded the honour, as it is written on the certificate.</source>
        <translation>请按证书上的写法填写授予单位。</translation>
    </message>
    <message>
        <source>Enter the name of the program.</source>
        <translation>请填写评选项目名称。</translation>
    </message>
    <message>
        <source>Enter the title the program awards, as the certificate will read.</source>
        <translation>请填写本项目授予的荣誉称号，与证书上的写法一致。</translation>
    </message>
    <message>
        <source>The year {year} is not possible. Enter a year from {first} to {last}.</source>
        <translation>年度{year}不合理，请填写{first}至{last}之间的年份。</translation>
    </message>
    <message>
        <source>Enter at least one category of candidates.</source>
        <translation>请至少填写一个候选人类别。</translation>
    </message>
    <message>
        <source>The program has {count} categories; at most {limit} are allowed.</source>
        <translation>本项目设置了{count}个类别，最多允许{limit}个。</translation>
    </message>
    <message>
        <source>Category {number} is empty. Name it or remove it.</source>
        <translation>第{number}个类别为空，请填写名称或将其删除。</translation>
    </message>
    <message>
        <source>Category {number} has {length} characters, but at most {limit} are allowed.</source>
        <translation>第{number}个类别名称为{length}个字，最多允许{limit}个字。</translation>
    </message>
    <message>
        <source>The category “{category}” is listed twice. List each category once.</source>
        <translation>类别“{category}”重复填写，每个类别只能填写一次。</translation>
    </message>
    <message>
        <source>The review deadline {review} is before the nomination deadline {nomination}.</source>
        <translation>评审截止日期{review}早于推荐截止日期{nomination}。</translation>
    </message>
    <message>
        <source>Publicity must last from {minimum} to {maximum} working days.</source>
        <translation>公示期应为{minimum}至{maximum}个工作日。</translation>
    </message>
    <message>
        <source>The quorum is the share of a round&apos;s reviewers whose scores are needed; enter more than 0 and at most 1 (all of them).</source>
        <translation>有效评分比例指每轮评审须提交评分的评委所占比例，请填写大于0且不超过1（全体评委）的数值。</translation>
    </message>
    <message>
        <source>The disagreement threshold must be a number greater than 0.</source>
        <translation>评分分歧阈值须为大于0的数。</translation>
    </message>
    <message>
        <source>The minimum shares add up to {sum}%, more than 100%. Lower some of them.</source>
        <translation>各类别最低比例合计 {sum}%，超过 100%，请调低部分比例。</translation>
    </message>
    <message>
        <source>Choose the category each quota applies to.</source>
        <translation>请为每项名额比例选择适用的类别。</translation>
    </message>
    <message>
        <source>“{category}” is not a category of this program. Choose one of its categories.</source>
        <translation>“{category}”不是本评选项目的类别，请从项目类别中选择。</translation>
    </message>
    <message>
        <source>{category}: the quota {percent}% is not possible. Enter 0 to 100.</source>
        <translation>{category}：比例 {percent}% 不合理，请填写 0 至 100 之间的数。</translation>
    </message>
    <message>
        <source>{category} has more than one “at least” quota. Keep one.</source>
        <translation>{category}设置了多个“不低于”比例，请只保留一个。</translation>
    </message>
    <message>
        <source>{category} has more than one “at most” quota. Keep one.</source>
        <translation>{category}设置了多个“不超过”比例，请只保留一个。</translation>
    </message>
    <message>
        <source>{category}: at least {minimum}% and at most {maximum}% cannot both be met.</source>
        <translation>{category}：不低于 {minimum}% 与不超过 {maximum}% 无法同时满足。</translation>
    </message>
    <message>
        <source>Choose the reason for recusal.</source>
        <translation>请选择回避原因。</translation>
    </message>
    <message>
        <source>Describe the conflict of interest.</source>
        <translation>请说明利益冲突的具体情况。</translation>
    </message>
    <message>
        <source>This text is too long (at most {limit} characters).</source>
        <translation>内容过长（最多 {limit} 个字）。</translation>
    </message>
    <message>
        <source>The rubric data is not a list of criteria.</source>
        <translation>评分标准数据有误：内容不是评分项列表。</translation>
    </message>
    <message>
        <source>In the rubric data, criterion {number} lacks a code, a name, a maximum or a weight written as text.</source>
        <translation>评分标准数据有误：第 {number} 个评分项缺少以文本形式记录的代码、名称、满分或权重。</translation>
    </message>
    <message>
        <source>In the rubric data, “{value}” in criterion {number} is not a number.</source>
        <translation>评分标准数据有误：第 {number} 个评分项中的“{value}”不是数字。</translation>
    </message>
    <message>
        <source>The rubric has no criteria. Add at least one.</source>
        <translation>评分标准中没有评分项。请至少添加一项。</translation>
    </message>
    <message>
        <source>The rubric has {count} criteria; at most {limit} are allowed.</source>
        <translation>评分标准共有 {count} 个评分项，最多允许 {limit} 个。</translation>
    </message>
    <message>
        <source>Criterion {number} has no code. Enter a short code.</source>
        <translation>第 {number} 个评分项未填写代码。请填写一个简短的代码。</translation>
    </message>
    <message>
        <source>Criterion {number} has no name. Enter the name reviewers see.</source>
        <translation>第 {number} 个评分项未填写名称。请填写评委看到的评分项名称。</translation>
    </message>
    <message>
        <source>Criterion {number} has the code “{value}”, which an earlier criterion already uses. Give each criterion its own code.</source>
        <translation>第 {number} 个评分项的代码“{value}”已被前面的评分项使用。各评分项的代码不能重复。</translation>
    </message>
    <message>
        <source>Criterion {number} has the name “{value}”, which an earlier criterion already uses. Give each criterion its own name.</source>
        <translation>第 {number} 个评分项的名称“{value}”已被前面的评分项使用。各评分项的名称不能重复。</translation>
    </message>
    <message>
        <source>Criterion {number}: the maximum score must be greater than 0.</source>
        <translation>第 {number} 个评分项：满分必须大于 0。</translation>
    </message>
    <message>
        <source>Criterion {number}: the weight must be greater than 0.</source>
        <translation>第 {number} 个评分项：权重必须大于 0。</translation>
    </message>
    <message>
        <source>There is a score for “{key}”, which is not a criterion of this rubric.</source>
        <translation>填写了“{key}”的分数，但本评分标准中没有该评分项。</translation>
    </message>
    <message>
        <source>{criterion}: no score yet. Enter a score from 0 to {maximum}.</source>
        <translation>{criterion}：尚未评分。请填写 0 至 {maximum} 之间的分数。</translation>
    </message>
    <message>
        <source>{criterion}: {value} is out of range. Enter a score from 0 to {maximum}.</source>
        <translation>{criterion}：{value} 超出评分范围。请填写 0 至 {maximum} 之间的分数。</translation>
    </message>
    <message>
        <source>{criterion}: {value} has too many decimal places. Enter a score from 0 to {maximum} with at most one decimal place.</source>
        <translation>{criterion}：{value} 的小数位数过多。请填写 0 至 {maximum} 之间的分数，最多保留一位小数。</translation>
    </message>
    <message>
        <source>The publicity period from {start} to {end} holds {found} working days; it must last at least {minimum}.</source>
        <translation>公示期自{start}至{end}，仅含{found}个工作日；公示期不得少于{minimum}个工作日。</translation>
    </message>
    <message>
        <source>{date} falls on a weekday, so it cannot be a make-up working day; make-up working days are Saturdays or Sundays.</source>
        <translation>{date}本为工作日（周一至周五），不能设为调休上班日；调休上班日只能是周六或周日。</translation>
    </message>
    <message>
        <source>Enter a name for {date}, for example the holiday it belongs to.</source>
        <translation>请填写{date}的名称，例如所属节日。</translation>
    </message>
    <message>
        <source>{date} is listed {count} times in the calendar.</source>
        <translation>日历中{date}重复列出了{count}次。</translation>
    </message>
    <message>
        <source>The calendar&apos;s year “{value}” is not a year.</source>
        <translation>日历年份“{value}”不是有效的年份。</translation>
    </message>
    <message>
        <source>The calendar data is not a list of days under “days”.</source>
        <translation>日历数据格式有误：“days”下应为日期列表。</translation>
    </message>
    <message>
        <source>Entry {entry} of the calendar is not an object with a date, a kind and a name.</source>
        <translation>日历第{entry}条不是包含日期、类型和名称的条目。</translation>
    </message>
    <message>
        <source>Entry {entry} of the calendar has no text for {keys}.</source>
        <translation>日历第{entry}条缺少{keys}的文本内容。</translation>
    </message>
    <message>
        <source>Entry {entry} of the calendar has the date “{value}”; write dates as YYYY-MM-DD, for example 2026-10-01.</source>
        <translation>日历第{entry}条的日期“{value}”有误；日期应写作 YYYY-MM-DD，例如 2026-10-01。</translation>
    </message>
    <message>
        <source>Entry {entry} of the calendar has the kind “{value}”; use “holiday” or “workday”.</source>
        <translation>日历第{entry}条的类型“{value}”有误；应为“holiday”（放假）或“workday”（调休上班）。</translation>
    </message>
    <message>
        <source>Entry {entry} of the calendar, {date}, is not in the year {year}.</source>
        <translation>日历第{entry}条的日期{date}不在{year}年内。</translation>
    </message>
    <message>
        <source>This candidate is already {current}; the selection of this candidate is finished, so it cannot be moved to {target}.</source>
        <translation>该候选人已处于“{current}”状态，评选已结束，不能再转为“{target}”。</translation>
    </message>
    <message>
        <source>A candidate in the state {current} cannot be moved to {target}. Refresh the list: someone may have changed the candidate meanwhile.</source>
        <translation>处于“{current}”状态的候选人不能转为“{target}”。请刷新列表：其他人可能刚刚修改了该候选人。</translation>
    </message>
    <message>
        <source>Write the reason for moving the candidate to {target}.</source>
        <translation>请填写将候选人转为“{target}”的原因。</translation>
    </message>
    <message>
        <source>The reason is too long (at most {maximum} characters).</source>
        <translation>原因过长（最多 {maximum} 个字）。</translation>
    </message>
    <message>
        <source>This attachment was removed meanwhile. Refresh the list.</source>
        <translation>该附件刚刚已被移除，请刷新列表。</translation>
    </message>
    <message>
        <source>The attachment {file} is missing or damaged (its content no longer matches the fingerprint recorded when it was attached). Restore a backup, or remove it and attach the original again.</source>
        <translation>附件 {file} 缺失或已损坏（内容与添加时记录的指纹不一致）。请恢复备份，或移除后重新添加原件。</translation>
    </message>
    <message>
        <source>The file {file} cannot be read ({error}). Check that it still exists and is not open in another program.</source>
        <translation>无法读取文件 {file}（{error}）。请确认文件仍然存在，且未被其他程序占用。</translation>
    </message>
    <message>
        <source>The candidate already has a photo. Remove it first to attach another.</source>
        <translation>该候选人已有照片。如需更换，请先移除原照片。</translation>
    </message>
    <message>
        <source>A candidate can have at most {maximum} attachments. Remove one first.</source>
        <translation>每位候选人最多 {maximum} 个附件，请先移除一个。</translation>
    </message>
    <message>
        <source>The nomination cannot be changed any more: reviewers have scored it as it stands. Withdraw it and nominate again if it is wrong.</source>
        <translation>推荐材料已不能修改：评委已按现有材料评分。如材料有误，请撤回后重新推荐。</translation>
    </message>
    <message>
        <source>The nomination deadline ({deadline}) has passed. If a late nomination is allowed, change the deadline of the program first.</source>
        <translation>推荐截止日期（{deadline}）已过。如允许补报，请先修改评选项目的截止日期。</translation>
    </message>
    <message>
        <source>A candidate is moved to {target} only by its own step (submission, eligibility check, review round, publicity or approval), which checks the conditions first.</source>
        <translation>候选人只能通过相应环节（提交推荐、资格审查、评审轮次、公示或审批）转为“{target}”，该环节会先核查有关条件。</translation>
    </message>
    <message>
        <source>Only a submitted nomination can be checked. Submit it first; after review has started the check is no longer repeated.</source>
        <translation>只有已提交的推荐才能进行资格审查。请先提交推荐；评审开始后不再重复审查。</translation>
    </message>
    <message>
        <source>Write why the candidate is eligible although the rules say otherwise.</source>
        <translation>请写明在不符合条件的情况下认定其合格的理由。</translation>
    </message>
    <message>
        <source>Only a candidate whom the eligibility check found ineligible can be declared eligible by override. Check the nomination first.</source>
        <translation>只有经资格审查为“不合格”的候选人才能破格认定为合格。请先进行资格审查。</translation>
    </message>
    <message>
        <source>This award program no longer exists. Refresh the list.</source>
        <translation>该评选项目已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>This member is no longer on the register. Choose another member.</source>
        <translation>该会员已不在名册中，请选择其他会员。</translation>
    </message>
    <message>
        <source>{name} is not an active member and cannot be nominated.</source>
        <translation>{name} 不是在册会员，不能被推荐。</translation>
    </message>
    <message>
        <source>{name} is already a candidate of {program}. Open that nomination instead.</source>
        <translation>{name} 已是“{program}”的候选人，请打开原推荐记录。</translation>
    </message>
    <message>
        <source>The preset “{key}” is missing or damaged. Reinstall UnionDesk.</source>
        <translation>预设方案“{key}”缺失或已损坏，请重新安装UnionDesk。</translation>
    </message>
    <message>
        <source>Submitted reviews use this rubric ({count} so far), so changing it would change what their scores mean. Only criterion names can still be corrected.</source>
        <translation>已有评委按此评分标准提交评分（目前{count}份），修改评分标准会改变这些评分的含义。现在只能更正评分项名称。</translation>
    </message>
    <message>
        <source>The category “{category}” cannot be removed: candidates who have not withdrawn are in it ({count}). Move them to another category first.</source>
        <translation>不能删除类别“{category}”：该类别下仍有未撤回的候选人（{count}人）。请先将其调整到其他类别。</translation>
    </message>
    <message>
        <source>{date} is not in the holiday calendar (removed meanwhile?). Refresh.</source>
        <translation>节假日日历中没有{date}（可能已被他人删除），请刷新。</translation>
    </message>
    <message>
        <source>Choose the candidates to put into publicity.</source>
        <translation>请选择要公示的候选人。</translation>
    </message>
    <message>
        <source>The publicity cannot start on {start}, which has passed. Choose today ({today}) or a later day.</source>
        <translation>公示不能从已过去的{start}开始，请选择今天（{today}）或以后的日期。</translation>
    </message>
    <message>
        <source>{name} is a candidate of another program. Take {name} off the list for this one.</source>
        <translation>{name}是其他评选项目的候选人，请将{name}移出本项目的公示名单。</translation>
    </message>
    <message>
        <source>{name} is {state}; only shortlisted candidates can be put into publicity. Take {name} off the list, or shortlist the candidate first.</source>
        <translation>{name}当前状态为“{state}”，只有拟推荐人选才能公示。请将{name}移出公示名单，或先将其列为拟推荐人选。</translation>
    </message>
    <message>
        <source>The shortlist breaks the program&apos;s category quota (see below). Change the shortlist, or write the reason for starting the publicity anyway.</source>
        <translation>拟推荐名单不符合本评选项目的类别比例要求（详见下方）。请调整拟推荐名单，或填写仍然开始公示的理由。</translation>
    </message>
    <message>
        <source>Write what the objection says.</source>
        <translation>请填写异议内容。</translation>
    </message>
    <message>
        <source>{name} is {state}; objections can be recorded only while a candidate is in publicity. Check that you chose the right candidate.</source>
        <translation>{name}当前状态为“{state}”，只有公示中的候选人才能登记异议。请确认是否选对了候选人。</translation>
    </message>
    <message>
        <source>The date received, {date}, must lie between the start of the publicity ({start}) and today ({today}). Enter the day the objection came in.</source>
        <translation>收到日期{date}应在公示开始日（{start}）至今天（{today}）之间，请填写实际收到异议的日期。</translation>
    </message>
    <message>
        <source>Write how the objection was looked into and handled.</source>
        <translation>请填写异议的调查核实及处理情况。</translation>
    </message>
    <message>
        <source>Choose whether the objection is upheld or not.</source>
        <translation>请选择异议是否成立。</translation>
    </message>
    <message>
        <source>This objection no longer exists. Refresh the list.</source>
        <translation>该异议已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>This objection was already resolved on {date} ({result}) and cannot be changed. If new facts came up, record them as a new objection.</source>
        <translation>该异议已于{date}办结（{result}），不能再修改。如有新情况，请另行登记一条异议。</translation>
    </message>
    <message>
        <source>The date resolved, {date}, must lie between the day the objection was received ({received}) and today ({today}).</source>
        <translation>办结日期{date}应在收到异议之日（{received}）至今天（{today}）之间。</translation>
    </message>
    <message>
        <source>The publicity of {name} runs until {end}. Approve the candidate after that day.</source>
        <translation>{name}的公示期至{end}结束，请在公示期满后再审批通过。</translation>
    </message>
    <message>
        <source>{count} objection(s) against {name} are not resolved yet. Resolve them first, then approve.</source>
        <translation>针对{name}的异议尚有{count}条未办结，请先处理完毕再审批通过。</translation>
    </message>
    <message>
        <source>An objection against {name} was upheld, so {name} cannot be approved. Reject the candidate instead, giving the objection as the reason.</source>
        <translation>针对{name}的异议经核实成立，{name}不能通过。请改作“未通过”处理，并以该异议作为理由。</translation>
    </message>
    <message>
        <source>{name} is {state}, not in publicity, so no decision can be taken here. Refresh the list: someone may have changed the candidate meanwhile.</source>
        <translation>{name}当前状态为“{state}”，不在公示中，无法在此作出通过或未通过的决定。请刷新列表：该候选人可能已被他人修改。</translation>
    </message>
    <message>
        <source>The text has {count} characters; shorten it to at most {maximum}.</source>
        <translation>内容共{count}个字，请精简至不超过{maximum}个字。</translation>
    </message>
    <message>
        <source>Scores of the round {round} stay sealed until the round is closed.</source>
        <translation>“{round}”结束前，评分结果保持密封。</translation>
    </message>
    <message>
        <source>You have already submitted this review; it cannot be changed. Ask the chair of the round to reopen it if it must be corrected.</source>
        <translation>您已提交该评分，不能再修改。如需更正，请联系本轮评审组长重新打开。</translation>
    </message>
    <message>
        <source>The round accepts reviews from {opens} to {closes}; today is outside that period. Ask the officer to change the round&apos;s dates if needed.</source>
        <translation>本轮评审的评分时间为 {opens} 至 {closes}，今天不在此期间。如有需要，请联系工作人员调整评审日期。</translation>
    </message>
    <message>
        <source>This candidate was withdrawn; there is nothing to score.</source>
        <translation>该候选人已撤回，无需评分。</translation>
    </message>
    <message>
        <source>This candidate is not assigned to you in this round.</source>
        <translation>本轮评审未将该候选人分配给您。</translation>
    </message>
    <message>
        <source>Your account ({user}) is not a reviewer of this round.</source>
        <translation>您的账号（{user}）不是本轮评审的评委。</translation>
    </message>
    <message>
        <source>{count} reviews are not submitted yet (for example {reviewer} on {candidate}). Wait for them, or confirm closing without them: unsubmitted scores do not count.</source>
        <translation>还有 {count} 份评分未提交（例如{reviewer}对{candidate}的评分）。请等待提交，或确认直接结束：未提交的评分不计入结果。</translation>
    </message>
    <message>
        <source>This review does not exist.</source>
        <translation>该评分记录不存在。</translation>
    </message>
    <message>
        <source>This review is not submitted, so there is nothing to reopen.</source>
        <translation>该评分尚未提交，无需重新打开。</translation>
    </message>
    <message>
        <source>Write why the review is reopened.</source>
        <translation>请填写重新打开评分的原因。</translation>
    </message>
    <message>
        <source>This review round no longer exists.</source>
        <translation>该评审轮次已不存在。</translation>
    </message>
    <message>
        <source>The round {round} is closed; its reviews can no longer change.</source>
        <translation>“{round}”已结束，评分不能再修改。</translation>
    </message>
    <message>
        <source>Enter a name for the round (at most {limit} characters).</source>
        <translation>请填写评审轮次名称（最多 {limit} 个字）。</translation>
    </message>
    <message>
        <source>The round cannot close before it opens.</source>
        <translation>评审结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>The quorum must be more than 0 and at most 1.</source>
        <translation>有效评分人数比例必须大于 0 且不超过 1。</translation>
    </message>
    <message>
        <source>Choose the reviewers of the round, each once.</source>
        <translation>请选择本轮评委，每人只能选一次。</translation>
    </message>
    <message>
        <source>{user} is not an active account with the reviewer role. Give the account the reviewer role under Users first.</source>
        <translation>{user} 不是启用中的评委账号。请先在“用户”中将其角色设为评委。</translation>
    </message>
    <message>
        <source>The chair must be an active reviewer or administrator account.</source>
        <translation>评审组长必须是启用中的评委或管理员账号。</translation>
    </message>
    <message>
        <source>Choose the candidates the round reviews.</source>
        <translation>请选择本轮评审的候选人。</translation>
    </message>
    <message>
        <source>{name} is a candidate of another program.</source>
        <translation>{name} 是其他评选项目的候选人。</translation>
    </message>
    <message>
        <source>{name} has not passed the eligibility check; only eligible candidates can be reviewed.</source>
        <translation>{name} 尚未通过资格审查；只有资格审查合格的候选人才能参加评审。</translation>
    </message>
    <message>
        <source>Only the chair of this round may do this; your account ({user}) is not the chair.</source>
        <translation>只有本轮评审组长才能执行此操作；您的账号（{user}）不是组长。</translation>
    </message>
    <message>
        <source>This candidate no longer exists. Refresh the list.</source>
        <translation>该候选人已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>The stored scoring scheme is damaged at “{key}”. Set the scheme again on the competition form.</source>
        <translation>已保存的评分方案在“{key}”处已损坏，请在竞赛信息中重新设置评分方案。</translation>
    </message>
    <message>
        <source>The scoring scheme mixes weighted parts with assessment items or a pass mark. Keep only what its kind uses.</source>
        <translation>评分方案中加权分项与考核项目或达标线混用，请只保留与计分方式相符的内容。</translation>
    </message>
    <message>
        <source>The scoring scheme is empty. Add at least one line.</source>
        <translation>评分方案为空，请至少添加一项。</translation>
    </message>
    <message>
        <source>The scoring scheme has {count} lines; at most {limit} are allowed.</source>
        <translation>评分方案共有 {count} 项，最多允许 {limit} 项。</translation>
    </message>
    <message>
        <source>Line {number} of the scoring scheme has no code. Enter a short code.</source>
        <translation>评分方案第{number}项未填写代码，请填写一个简短的代码。</translation>
    </message>
    <message>
        <source>Line {number} of the scoring scheme has no name. Enter the name shown on the score sheet.</source>
        <translation>评分方案第{number}项未填写名称，请填写评分表上显示的名称。</translation>
    </message>
    <message>
        <source>Line {number} of the scoring scheme has the code “{value}”, which an earlier line already uses. Give each line its own code.</source>
        <translation>评分方案第{number}项的代码“{value}”已被前面的项使用，各项的代码不能重复。</translation>
    </message>
    <message>
        <source>Line {number} of the scoring scheme has the name “{value}”, which an earlier line already uses. Give each line its own name.</source>
        <translation>评分方案第{number}项的名称“{value}”已被前面的项使用，各项的名称不能重复。</translation>
    </message>
    <message>
        <source>Line {number} of the scoring scheme: the maximum score must be greater than 0, with at most two decimal places.</source>
        <translation>评分方案第{number}项：满分必须大于 0，且最多保留两位小数。</translation>
    </message>
    <message>
        <source>Line {number} of the scoring scheme: the weight must be greater than 0.</source>
        <translation>评分方案第{number}项：权重必须大于 0。</translation>
    </message>
    <message>
        <source>The pass mark {value} is not possible. Enter a mark from 0 to {maximum}, the highest possible total.</source>
        <translation>达标线 {value} 分不合理，请填写 0 至 {maximum}（最高可得总分）之间的分数。</translation>
    </message>
    <message>
        <source>There is a score for “{key}”, which is not part of this scoring scheme.</source>
        <translation>填写了“{key}”的成绩，但本评分方案中没有该项。</translation>
    </message>
    <message>
        <source>{part}: no score yet. Enter a score from 0 to {maximum}.</source>
        <translation>{part}：尚未录入成绩，请填写 0 至 {maximum} 之间的分数。</translation>
    </message>
    <message>
        <source>{part}: “{value}” is not a number. Enter a score from 0 to {maximum}.</source>
        <translation>{part}：“{value}”不是数字，请填写 0 至 {maximum} 之间的分数。</translation>
    </message>
    <message>
        <source>{part}: a score cannot be negative ({value}). Enter a score from 0 to {maximum}.</source>
        <translation>{part}：成绩不能为负数（{value}），请填写 0 至 {maximum} 之间的分数。</translation>
    </message>
    <message>
        <source>{part}: {value} is above the maximum {maximum}. Enter a score from 0 to {maximum}.</source>
        <translation>{part}：{value} 超过满分 {maximum}，请填写 0 至 {maximum} 之间的分数。</translation>
    </message>
    <message>
        <source>{part}: {value} has too many decimal places. Enter a score from 0 to {maximum} with at most two decimal places.</source>
        <translation>{part}：{value} 的小数位数过多，请填写 0 至 {maximum} 之间的分数，最多保留两位小数。</translation>
    </message>
    <message>
        <source>{prize} is listed more than once. List each prize once.</source>
        <translation>{prize}重复设置，每个奖项只能设置一次。</translation>
    </message>
    <message>
        <source>{prize} is listed after {other}. List the prizes in order: first, second and third prize, then the excellence award.</source>
        <translation>{prize}排在了{other}之后，请按一等奖、二等奖、三等奖、优秀奖的顺序设置。</translation>
    </message>
    <message>
        <source>{prize}: {count} places is not possible. Enter a number from 0 to {limit}.</source>
        <translation>{prize}：名额 {count} 个不合理，请填写 0 至 {limit} 之间的数。</translation>
    </message>
    <message>
        <source>Enter the name of the competition, for example 2026年数控车工技能竞赛.</source>
        <translation>请填写竞赛名称，例如“2026年数控车工技能竞赛”。</translation>
    </message>
    <message>
        <source>Choose the type of the competition.</source>
        <translation>请选择竞赛类型。</translation>
    </message>
    <message>
        <source>Choose the level of the competition.</source>
        <translation>请选择竞赛级别。</translation>
    </message>
    <message>
        <source>Enter the name of the team.</source>
        <translation>请填写参赛队名称。</translation>
    </message>
    <message>
        <source>A chosen member is not on the register (deleted meanwhile?). Refresh the list and choose again.</source>
        <translation>所选会员已不在会员名册中（可能刚被删除），请刷新列表后重新选择。</translation>
    </message>
    <message>
        <source>{name} is no longer on the register and cannot enter. Choose another member.</source>
        <translation>{name}已不在会员名册中，不能参赛，请选择其他会员。</translation>
    </message>
    <message>
        <source>{name} is not an active member (withdrew, transferred out, was expelled or died) and cannot enter a competition.</source>
        <translation>{name}不是在册会员（已退会、转出、除名或去世），不能参加竞赛。</translation>
    </message>
    <message>
        <source>{name} has already entered {competition}. A member enters a competition once.</source>
        <translation>{name}已报名参加{competition}，每名会员在同一竞赛中只能参赛一次。</translation>
    </message>
    <message>
        <source>{name} is already in the team {team} of {competition}. A member enters a competition once.</source>
        <translation>{name}已是{competition}参赛队“{team}”的队员，每名会员在同一竞赛中只能参赛一次。</translation>
    </message>
    <message>
        <source>A team needs at least one member. Choose the members of the team.</source>
        <translation>参赛队至少要有一名队员，请选择队员。</translation>
    </message>
    <message>
        <source>{entry}: there is no line “{key}” in the scoring scheme of this competition. Refresh the score sheet.</source>
        <translation>{entry}：本竞赛的评分方案中没有“{key}”这一项，请刷新成绩表。</translation>
    </message>
    <message>
        <source>Enter the reason; it is kept in the audit log with the change.</source>
        <translation>请填写原因，原因将随本次操作记入操作日志。</translation>
    </message>
    <message>
        <source>Enter the date the competition starts.</source>
        <translation>请填写竞赛开始日期。</translation>
    </message>
    <message>
        <source>The competition cannot end ({end}) before it starts ({start}). Correct one of the dates.</source>
        <translation>竞赛结束日期（{end}）不能早于开始日期（{start}），请更正其中一个日期。</translation>
    </message>
    <message>
        <source>Choose the type of the event.</source>
        <translation>请选择活动类型。</translation>
    </message>
    <message>
        <source>Enter the title of the event.</source>
        <translation>请填写活动名称。</translation>
    </message>
    <message>
        <source>Enter the venue of the event.</source>
        <translation>请填写活动地点。</translation>
    </message>
    <message>
        <source>Enter the organiser of the event (the unit or department that holds it).</source>
        <translation>请填写活动主办单位（举办活动的单位或部门）。</translation>
    </message>
    <message>
        <source>Enter the date and time the event starts.</source>
        <translation>请填写活动开始日期和时间。</translation>
    </message>
    <message>
        <source>The event date {date} is before {year}. Check the year.</source>
        <translation>活动日期 {date} 早于 {year} 年，请核对年份。</translation>
    </message>
    <message>
        <source>The event date {date} is more than a year ahead. Check the year; the latest date accepted today is {latest}.</source>
        <translation>活动日期 {date} 距今超过一年，请核对年份；目前最晚可填写 {latest}。</translation>
    </message>
    <message>
        <source>The event must end after it starts ({start}). Correct the end time.</source>
        <translation>活动结束时间应晚于开始时间（{start}），请更正结束时间。</translation>
    </message>
    <message>
        <source>The event ends {days} days after the day it starts, but at most {limit} days are allowed. Check the end date, or record the parts of the event separately.</source>
        <translation>活动结束日期距开始日期 {days} 天，最多允许 {limit} 天。请核对结束日期，或将活动分段分别登记。</translation>
    </message>
    <message>
        <source>Enter the hours of the event credited to each attendee.</source>
        <translation>请填写活动时长（每位参加者计入的小时数）。</translation>
    </message>
    <message>
        <source>{value} hours is not possible. Enter more than 0 and at most {limit} hours.</source>
        <translation>活动时长 {value} 小时不合理，应大于 0 且不超过 {limit} 小时。</translation>
    </message>
    <message>
        <source>{value} hours has too many decimal places. Enter the hours with at most one decimal place, for example 1.5.</source>
        <translation>活动时长 {value} 小时的小数位数过多，最多保留一位小数，例如 1.5。</translation>
    </message>
    <message>
        <source>{count} guests is not possible. Enter the number of attendees who are not members, from 0 to {limit}.</source>
        <translation>非会员参加人数 {count} 不合理，请填写 0 至 {limit} 之间的人数。</translation>
    </message>
    <message>
        <source>Enter the first day of the period.</source>
        <translation>请填写统计期间的开始日期。</translation>
    </message>
    <message>
        <source>Enter the last day of the period.</source>
        <translation>请填写统计期间的截止日期。</translation>
    </message>
    <message>
        <source>The period ends on {last}, before it starts on {first}. Correct one of the dates.</source>
        <translation>统计期间的截止日期 {last} 早于开始日期 {first}，请更正其中一个日期。</translation>
    </message>
    <message>
        <source>The period from {first} to {last} is longer than {limit} years. Choose a shorter period.</source>
        <translation>统计期间 {first} 至 {last} 超过 {limit} 年，请缩短统计期间。</translation>
    </message>
    <message>
        <source>The photo {file} is {size} MB; at most {limit} MB is allowed. Save it at a lower resolution and add it again.</source>
        <translation>照片 {file} 大小为 {size} MB，最多允许 {limit} MB。请降低分辨率保存后重新添加。</translation>
    </message>
    <message>
        <source>The file {file} is not a JPG or PNG photo (its content was checked, not only its name). Save it as JPG or PNG and add it again.</source>
        <translation>文件 {file} 不是 JPG 或 PNG 格式的照片（已检查文件内容，而不只是文件名）。请另存为 JPG 或 PNG 格式后重新添加。</translation>
    </message>
    <message>
        <source>Choose at least one member to enter.</source>
        <translation>请至少选择一名参赛会员。</translation>
    </message>
    <message>
        <source>{entry} has withdrawn or is not an entry of this competition, so its scores cannot be saved. Refresh the score sheet.</source>
        <translation>{entry}已退赛或不是本竞赛的参赛者，成绩无法保存，请刷新成绩表。</translation>
    </message>
    <message>
        <source>{entry} has no prize in {competition}, so there is nothing to record as an honour.</source>
        <translation>{entry}在{competition}中未获奖，没有可记为荣誉的奖项。</translation>
    </message>
    <message>
        <source>The prize of {entry} is already recorded as an honour. Open the member&apos;s honours to change it.</source>
        <translation>{entry}的获奖已记为荣誉。如需修改，请到该会员的荣誉中修改。</translation>
    </message>
    <message>
        <source>{competition} already has a team called {name}. Give each team its own name.</source>
        <translation>{competition}中已有名为“{name}”的参赛队，请为每个参赛队取不同的名称。</translation>
    </message>
    <message>
        <source>This entry has withdrawn from the competition or no longer exists. Refresh the score sheet.</source>
        <translation>该参赛者已退赛或已不存在，请刷新成绩表。</translation>
    </message>
    <message>
        <source>This team no longer exists. Refresh the list.</source>
        <translation>该参赛队已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>The team {name} has withdrawn from the competition, so its members can no longer be changed.</source>
        <translation>参赛队“{name}”已退赛，不能再更改队员。</translation>
    </message>
    <message>
        <source>The scoring scheme cannot be changed now: scores were given under it (scored entries: {count}). Only line names and the pass mark may still change; to change more, clear the scores first.</source>
        <translation>已按现行评分方案录入了成绩（已有成绩的参赛者：{count}），不能再修改评分方案。目前只能修改评分项名称和达标线；如需作其他修改，请先清除成绩。</translation>
    </message>
    <message>
        <source>This competition no longer exists (deleted meanwhile?). Refresh the list.</source>
        <translation>该竞赛已不存在（可能刚被删除），请刷新列表。</translation>
    </message>
    <message>
        <source>The photo {file} is missing or damaged (its content no longer matches the fingerprint recorded when it was added). Restore a backup, or remove it and add the original again.</source>
        <translation>照片 {file} 缺失或已损坏（内容与添加时记录的指纹不一致）。请恢复备份，或移除后重新添加原图。</translation>
    </message>
    <message>
        <source>This event is no longer on the register (deleted meanwhile?). Refresh the list.</source>
        <translation>该活动已不在台账中（可能已被他人删除）。请刷新列表。</translation>
    </message>
    <message>
        <source>This photo was removed meanwhile. Refresh the list.</source>
        <translation>该照片刚刚已被移除，请刷新列表。</translation>
    </message>
    <message>
        <source>{count} of the chosen attendees are not on the member register (deleted meanwhile?): {names}. Nothing was saved. Refresh the list and choose the attendees again.</source>
        <translation>所选参加人员中有 {count} 人已不在会员台账中（可能已被他人删除）：{names}。本次未保存任何内容。请刷新列表后重新选择参加人员。</translation>
    </message>
    <message>
        <source>The database was backed up, but {count} photos and attachments could not be copied into {folder} beside it (for example, the disk is full), so that backup alone cannot bring them back. Free some space or choose another place, then back up again; files already copied are not copied again.</source>
        <translation>数据库已备份，但有 {count} 个照片和附件未能复制到备份旁的 {folder} 中（例如磁盘已满），仅凭这份备份无法恢复它们。请释放磁盘空间或选择其他位置，然后重新备份；已复制的文件不会重复复制。</translation>
    </message>
    <message>
        <source>The data was restored, but {count} photos and attachments it lists were not found intact in {folder} beside the backup, so they show as missing. If you have that folder elsewhere (for example on the backup stick), put it beside the backup file and restore the backup again.</source>
        <translation>数据已恢复，但其中记录的 {count} 个照片和附件在备份旁的 {folder} 中缺失或已损坏，因此将显示为缺失。如果该文件夹在其他位置（例如存放备份的U盘上），请将其放到备份文件旁，然后重新恢复该备份。</translation>
    </message>
    <message>
        <source>{count} photos and attachments this backup lists are neither in {folder} beside it nor in the data folder, so they will show as missing after the restore. If you have that folder elsewhere, put it beside the backup file first.</source>
        <translation>此备份记录的 {count} 个照片和附件既不在备份旁的 {folder} 中，也不在数据文件夹中，恢复后将显示为缺失。如果该文件夹在其他位置，请先将其放到备份文件旁。</translation>
    </message>
    <message>
        <source>The period &quot;{given}&quot; is not understood. Write a year such as 2026, or a quarter such as 2026Q3.</source>
        <translation>无法识别报告期“{given}”。请填写年度（如 2026）或季度（如 2026Q3）。</translation>
    </message>
    <message>
        <source>The year must be between {low} and {high}.</source>
        <translation>年份须在 {low} 至 {high} 之间。</translation>
    </message>
    <message>
        <source>The passphrase must have at least {minimum} characters.</source>
        <translation>口令至少需要{minimum}个字符。</translation>
    </message>
    <message>
        <source>Enter the name of the person who will sign.</source>
        <translation>请输入签名人的姓名。</translation>
    </message>
    <message>
        <source>The passphrase is wrong. Type it again.</source>
        <translation>口令不正确，请重新输入。</translation>
    </message>
    <message>
        <source>This file is not a PKCS#12 signing identity (.p12 or .pfx). Ask the issuer for the right file.</source>
        <translation>此文件不是 PKCS#12 签名身份文件（.p12 或 .pfx），请向签发单位索取正确的文件。</translation>
    </message>
    <message>
        <source>This PKCS#12 file does not hold a matching private key and certificate (RSA or EC) and cannot be used to sign. Ask the issuer for a complete file.</source>
        <translation>此 PKCS#12 文件中没有相互匹配的私钥和证书（RSA 或 EC），无法用于签名。请向签发单位索取完整的文件。</translation>
    </message>
    <message>
        <source>This data folder already has a signing identity. Replacing it keeps the old one in {folder}, but returns signed from now on carry the new certificate: confirm the replacement to go on.</source>
        <translation>此数据文件夹已有签名身份。替换后旧身份保留在{folder}，但此后签名的报表将使用新证书：请确认替换后再继续。</translation>
    </message>
    <message>
        <source>There is no signing identity yet. An administrator creates or imports one on the Returns page with “Signing identity…”.</source>
        <translation>尚未设置签名身份。请管理员在“报表”页面点击“签名身份…”创建或导入。</translation>
    </message>
    <message>
        <source>The certificate file {file} is damaged. Restore the identity folder from a copy, or create or import the signing identity again.</source>
        <translation>证书文件{file}已损坏。请从副本恢复签名身份文件夹，或重新创建或导入签名身份。</translation>
    </message>
    <message>
        <source>Enter the passphrase the PKCS#12 file was protected with.</source>
        <translation>请输入保护该 PKCS#12 文件的口令。</translation>
    </message>
    <message>
        <source>Choose the competition whose results table is to be made.</source>
        <translation>请选择要生成成绩表的竞赛。</translation>
    </message>
    <message>
        <source>{competition} has no entries yet, so there are no results to print. Enter the members or teams taking part and their scores first.</source>
        <translation>{competition}尚无参赛者，没有可打印的成绩。请先录入参赛的会员或团队及其成绩。</translation>
    </message>
    <message>
        <source>No entry of {competition} has all its scores yet, so there are no results to print. Enter the scores on the score sheet first.</source>
        <translation>{competition}尚无成绩录齐的参赛者，没有可打印的成绩。请先在成绩表中录入成绩。</translation>
    </message>
    <message>
        <source>No culture event took place in {period}, so there is nothing to report. Record the events first, or choose another period.</source>
        <translation>{period}没有开展文化活动，无可统计的内容。请先登记活动，或选择其他报告期。</translation>
    </message>
    <message>
        <source>Choose the candidate whose nomination form is to be made.</source>
        <translation>请选择要生成推荐表的候选人。</translation>
    </message>
    <message>
        <source>The photo {file} of {name} cannot be read as an image. Attach the photo again as a JPEG or PNG file, or remove it.</source>
        <translation>{name}的照片{file}无法作为图片读取。请重新上传 JPEG 或 PNG 格式的照片，或将其删除。</translation>
    </message>
    <message>
        <source>Choose the award program whose review results are wanted.</source>
        <translation>请选择要生成评审结果汇总表的评选项目。</translation>
    </message>
    <message>
        <source>{program} has no review results yet: none of its review rounds is closed. Close a round first; scores stay sealed until then.</source>
        <translation>{program}尚无评审结果：没有已结束的评审轮次。请先结束评审轮次，结束前评分一律保密。</translation>
    </message>
    <message>
        <source>The closed review rounds of {program} rank no candidate: every candidate scored in them was withdrawn.</source>
        <translation>{program}已结束的评审轮次中没有可排名的候选人：参评候选人均已撤回。</translation>
    </message>
    <message>
        <source>There is nothing to report for {period}: the register has no members at its end, and no membership change, competition, culture event or nomination falls in it. Check the period.</source>
        <translation>{period}无可统计的内容：期末会员名册中没有在册会员，期内也没有会籍变动、竞赛、文化活动或评选推荐。请检查报告期。</translation>
    </message>
    <message>
        <source>The character {chars} in &quot;{given}&quot; of {owner} cannot be printed: no font shipped with UnionDesk has it. Check the record; the return was not made.</source>
        <translation>{owner}的“{given}”中的字符 {chars} 无法打印：UnionDesk 附带的字体都没有这个字。请核对该记录；报表未生成。</translation>
    </message>
    <message>
        <source>The character {chars} in &quot;{given}&quot; cannot be printed: no font shipped with UnionDesk has it. Check the record; the return was not made.</source>
        <translation>“{given}”中的字符 {chars} 无法打印：UnionDesk 附带的字体都没有这个字。请核对该记录；报表未生成。</translation>
    </message>
    <message>
        <source>The return could not be saved in {folder}: {reason}. Choose another folder.</source>
        <translation>报表无法保存到 {folder}：{reason}。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>The file is not a readable PDF document, so it cannot be signed.</source>
        <translation>该文件不是可读取的 PDF 文档，无法签名。</translation>
    </message>
    <message>
        <source>This PDF cannot be signed (it may be encrypted or locked by an earlier certification). Generate the return again and sign the new file.</source>
        <translation>此 PDF 无法签名（可能已加密，或已被先前的认证签名锁定）。请重新生成报表，并对新文件签名。</translation>
    </message>
    <message>
        <source>This PDF already carries the union&apos;s signature. Sign a new copy instead.</source>
        <translation>此 PDF 已有工会签名，请对新生成的文件签名。</translation>
    </message>
    <message>
        <source>This PDF has no field for the committee chair&apos;s signature. Only a review results return signed by the union for countersigning has one.</source>
        <translation>此 PDF 没有评审委员会主任的签名栏。只有工会为会签而签署的评审结果汇总表才有该签名栏。</translation>
    </message>
    <message>
        <source>The committee chair has already countersigned this PDF.</source>
        <translation>评审委员会主任已在此 PDF 上会签。</translation>
    </message>
    <message>
        <source>The signature box cannot show the characters {characters} of the signer&apos;s name: no font shipped with UnionDesk has them. Check the name in the certificate.</source>
        <translation>签名框无法显示签名人姓名中的字符 {characters}：UnionDesk 附带的字体都没有这些字。请核对证书中的姓名。</translation>
    </message>
    <message>
        <source>The file is not a PDF document, or it is too damaged to read its signatures.</source>
        <translation>该文件不是 PDF 文档，或已损坏，无法读取其中的签名。</translation>
    </message>
    <message>
        <source>Choose the folder to copy returns into (a USB stick or a network share), by its full path.</source>
        <translation>请选择用于存放报表的文件夹（U 盘或网络共享），须为完整路径。</translation>
    </message>
    <message>
        <source>Enter a web address starting with https:// (or http://); &quot;{given}&quot; is not one.</source>
        <translation>请输入以 https://（或 http://）开头的网址；“{given}”不是有效网址。</translation>
    </message>
    <message>
        <source>Enter the user name of the WebDAV account.</source>
        <translation>请输入 WebDAV 账户的用户名。</translation>
    </message>
    <message>
        <source>Enter the access token the higher-level union gave you.</source>
        <translation>请输入上级工会提供的访问令牌。</translation>
    </message>
    <message>
        <source>Enter the password of the WebDAV account.</source>
        <translation>请输入 WebDAV 账户的密码。</translation>
    </message>
    <message>
        <source>The token or password contains line breaks or control characters.</source>
        <translation>令牌或密码中含有换行符或控制字符。</translation>
    </message>
    <message>
        <source>An access token has only Latin letters, digits and signs, and no spaces; check the copy.</source>
        <translation>访问令牌只含英文字母、数字和符号，不含空格，请检查是否复制正确。</translation>
    </message>
    <message>
        <source>The file {file} cannot be read as a CA certificate (a PEM file is needed).</source>
        <translation>无法将文件 {file} 读取为 CA 证书（需要 PEM 格式文件）。</translation>
    </message>
    <message>
        <source>The destination cannot be reached now: {reason}</source>
        <translation>目前无法连接上报目的地：{reason}</translation>
    </message>
    <message>
        <source>The destination answered but refused: {reason}</source>
        <translation>上报目的地已响应，但拒绝了请求：{reason}</translation>
    </message>
    <message>
        <source>The destination answered: uploading can start.</source>
        <translation>上报目的地已响应，可以开始上报。</translation>
    </message>
    <message>
        <source>This upload destination no longer exists. Refresh the list.</source>
        <translation>该上报目的地已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>Give the destination a name.</source>
        <translation>请为上报目的地填写名称。</translation>
    </message>
    <message>
        <source>Another upload destination is already called &quot;{name}&quot;.</source>
        <translation>已有名为“{name}”的上报目的地。</translation>
    </message>
    <message>
        <source>{count} returns still wait to be uploaded to &quot;{name}&quot;. Send, retry or discard them first, then remove the destination.</source>
        <translation>还有 {count} 份报表等待上报到“{name}”。请先上报、重试或放弃这些报表，再删除该目的地。</translation>
    </message>
    <message>
        <source>Only signed returns can be uploaded. Save the return again with a signature.</source>
        <translation>只有已签名的报表才能上报。请重新保存报表并签名。</translation>
    </message>
    <message>
        <source>No upload destination is set up yet. An administrator adds one in Settings.</source>
        <translation>尚未设置上报目的地。请管理员在“设置”中添加。</translation>
    </message>
    <message>
        <source>Only failed or quarantined items can be sent again.</source>
        <translation>只有“失败待重试”或“已隔离”的报表才能重新上报。</translation>
    </message>
    <message>
        <source>Delivered items, and items being sent right now, cannot be discarded.</source>
        <translation>已上报的报表和正在上报的报表不能放弃。</translation>
    </message>
    <message>
        <source>Give the reason for discarding this return.</source>
        <translation>请填写放弃上报该报表的原因。</translation>
    </message>
    <message>
        <source>The package&apos;s files in the outbox folder were changed after it was queued.</source>
        <translation>待上报文件夹中的报表文件在加入待上报后被改动过。</translation>
    </message>
    <message>
        <source>The package&apos;s files are missing from the outbox folder.</source>
        <translation>待上报文件夹中缺少该报表的文件。</translation>
    </message>
    <message>
        <source>The return&apos;s files no longer match its manifest (changed after saving). Make the return again.</source>
        <translation>报表文件与其清单不符（保存后被改动过）。请重新生成报表。</translation>
    </message>
    <message>
        <source>The return&apos;s file {file} cannot be read ({reason}). Make the return again.</source>
        <translation>无法读取报表文件 {file}（{reason}）。请重新生成报表。</translation>
    </message>
    <message>
        <source>The return could not be copied into the outbox folder {folder}: {reason}.</source>
        <translation>无法将报表复制到待上报文件夹 {folder}：{reason}。</translation>
    </message>
    <message>
        <source>The number of days must be between {low} and {high}.</source>
        <translation>天数必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>This outbox item no longer exists. Refresh the list.</source>
        <translation>该待上报记录已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>No package was delivered in this period, so there are no receipts to list.</source>
        <translation>此期间没有已上报的上报包，没有可列出的回执。</translation>
    </message>
    <message>
        <source>The saved password or token of this upload destination cannot be read ({reason}). Enter it again in the destination&apos;s settings.</source>
        <translation>无法读取该上报目的地已保存的密码或令牌（{reason}）。请在目的地设置中重新输入。</translation>
    </message>
    <message>
        <source>The ID number was stored as a number, so its digits may be wrong. Format the column as text and export the file again.</source>
        <translation>身份证号被存成了数字，请把该列设为文本后重新导出</translation>
    </message>
    <message>
        <source>“{value}” is not a date that can be read. Write it like 2020-03-05 or format the cell as a date.</source>
        <translation>“{value}”不是可识别的日期。请按 2020-03-05 的格式填写，或将该单元格设为日期格式。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the 56 ethnic groups. Write the group&apos;s name, such as 汉族 or 回族.</source>
        <translation>“{value}”不在 56 个民族之列。请填写民族名称，如汉族、回族。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the choices. Choose one of: {choices}.</source>
        <translation>“{value}”不是可选项。请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>“{value}” is neither yes nor no. Write 是 or 否.</source>
        <translation>“{value}”无法识别为“是”或“否”。请填写“是”或“否”。</translation>
    </message>
    <message>
        <source>More than one department is named “{name}”. Write its path, such as 一车间/电焊班.</source>
        <translation>有多个部门名为“{name}”。请填写部门的完整路径，例如“一车间/电焊班”。</translation>
    </message>
    <message>
        <source>“{path}” cannot be a department: the tree has at most three levels (enterprise, workshop, team) and names have at most {limit} characters.</source>
        <translation>“{path}”不能作为部门：部门最多三级（企业、车间、班组），且名称不超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>“{path}” is not in the department tree. Write the path starting with the enterprise, such as 示范公司/一车间.</source>
        <translation>部门结构中没有“{path}”。请从企业名称开始填写路径，例如“示范公司/一车间”。</translation>
    </message>
    <message>
        <source>The file {file} is not a spreadsheet that can be imported. Save it as .xlsx, .xls, .ods or .csv and import it again.</source>
        <translation>文件 {file} 不是可导入的表格文件。请另存为 .xlsx、.xls、.ods 或 .csv 格式后重新导入。</translation>
    </message>
    <message>
        <source>The file {file} could not be opened ({error}). Choose it again.</source>
        <translation>无法打开文件 {file}（{error}）。请重新选择文件。</translation>
    </message>
    <message>
        <source>The file {file} is damaged or is not really a spreadsheet of the kind its name says. Open it in Excel or WPS, save it as .xlsx and import it again.</source>
        <translation>文件 {file} 已损坏，或其实际格式与扩展名不符。请用 Excel 或 WPS 打开，另存为 .xlsx 格式后重新导入。</translation>
    </message>
    <message>
        <source>The file {file} unpacks to far more data than a member list holds, so it was not opened. Copy the member rows into a new file and import that.</source>
        <translation>文件 {file} 解压后的数据量远超会员名册应有的大小，为安全起见未予打开。请将会员数据行复制到新文件中再导入。</translation>
    </message>
    <message>
        <source>The sheet in {file} has more than {limit} rows, more than can be imported at once. Split it into smaller files, or delete the empty formatted rows at its end.</source>
        <translation>{file} 中的工作表超过 {limit} 行，超出单次导入的上限。请拆分为多个较小的文件，或删除表格末尾带格式的空行。</translation>
    </message>
    <message>
        <source>The file {file} has no visible worksheet. Unhide the sheet with the member list and import the file again.</source>
        <translation>文件 {file} 中没有可见的工作表。请取消隐藏会员名册所在的工作表后重新导入。</translation>
    </message>
    <message>
        <source>The file {file} is protected with a password. Open it in Excel or WPS, remove the password, save it as .xlsx and import it again.</source>
        <translation>文件 {file} 设有打开密码。请用 Excel 或 WPS 打开并取消密码，另存为 .xlsx 格式后重新导入。</translation>
    </message>
    <message>
        <source>The text encoding of {file} could not be recognised. Open it in Excel or WPS and save it as .xlsx, or as CSV UTF-8, and import it again.</source>
        <translation>无法识别 {file} 的文字编码。请用 Excel 或 WPS 打开，另存为 .xlsx 或“CSV UTF-8”格式后重新导入。</translation>
    </message>
</context>
<context>
    <name>Verification</name>
    <message>
        <source>{number}. Signer: {signer}; signed at: {time}; {changes}; certificate: {trust}</source>
        <translation>{number}. 签名人：{signer}；签名时间：{time}；{changes}；证书：{trust}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>the file was changed after signing (the signed content no longer matches)</source>
        <translation>签名后文件被改动过（与签名时的内容不一致）</translation>
    </message>
    <message>
        <source>the signature itself is invalid</source>
        <translation>签名本身无效</translation>
    </message>
    <message>
        <source>the file was not changed after signing</source>
        <translation>签名后文件未被修改</translation>
    </message>
    <message>
        <source>after signing only the permitted countersignature was added</source>
        <translation>签名后仅添加了允许的会签签名</translation>
    </message>
    <message>
        <source>the file was changed after signing</source>
        <translation>签名后文件被改动过</translation>
    </message>
    <message>
        <source>trusted by this install</source>
        <translation>受本机信任</translation>
    </message>
    <message>
        <source>not trusted by this install (self-signed certificate, check the fingerprint {fingerprint})</source>
        <translation>未受本机信任（自签名证书，请核对指纹 {fingerprint}）</translation>
    </message>
    <message>
        <source>not trusted by this install (check the fingerprint {fingerprint})</source>
        <translation>未受本机信任（请核对指纹 {fingerprint}）</translation>
    </message>
    <message>
        <source>Verified: every signature is valid and the file was not changed after signing.</source>
        <translation>验证通过：所有签名均有效，签名后文件未被修改。</translation>
    </message>
    <message>
        <source>Verification FAILED: do not rely on the content of this file.</source>
        <translation>验证未通过：请勿信赖此文件的内容。</translation>
    </message>
    <message>
        <source>This file carries no digital signature.</source>
        <translation>此文件没有数字签名。</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a signed PDF</source>
        <translation>验证已签名的 PDF</translation>
    </message>
    <message>
        <source>Choose PDF…</source>
        <translation>选择 PDF…</translation>
    </message>
    <message>
        <source>Choose a signed return (PDF) to check its signatures.</source>
        <translation>请选择一份已签名的报表（PDF）以验证其签名。</translation>
    </message>
    <message>
        <source>Each signature is described here.</source>
        <translation>此处逐一说明每个签名。</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Checking the signatures…</source>
        <translation>正在验证签名…</translation>
    </message>
    <message>
        <source>The file {file} cannot be read: {reason}</source>
        <translation>无法读取文件{file}：{reason}</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Nominated</source>
        <translation>已推荐</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>资格审查合格</translation>
    </message>
    <message>
        <source>Ineligible</source>
        <translation>资格审查不合格</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>评审中</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <source>Shortlisted</source>
        <translation>拟推荐</translation>
    </message>
    <message>
        <source>In publicity</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
</TS>
