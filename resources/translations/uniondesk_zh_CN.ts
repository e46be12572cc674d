<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>UnionDesk is already open for the data folder {folder}; switched to that window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>UnionDesk: trade-union registers and returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder that holds the database (default: UNIONDESK_HOME or the user data folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a new database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full name of the union</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fill the database with demo members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how many members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add demo members only when the register is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>find members (masked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name, pinyin initials, ID tail or card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the database {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of members cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created a demo database in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The register already has members; no demo members were added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {count} demo members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members found: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database in {folder}. Create one with &apos;uniondesk --data-dir DIR init&apos; first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComingLaterPage</name>
    <message>
        <source>{area} is not available in this version yet. It will come in a later update; nothing you enter elsewhere depends on it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DepartmentsDialog</name>
    <message>
        <source>Departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add top level…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add sub-department…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the enterprise or unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new department under “{parent}”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add sub-department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the department “{name}”?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Enum</name>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HK/Macao/Taiwan residence permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreigner permanent residence ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPC member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPC probationary member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communist Youth League member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Democratic party member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-partisan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordinary citizen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary school or below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Junior middle school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senior middle / vocational school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Junior college</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bachelor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postgraduate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apprentice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Junior worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intermediate worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senior worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senior technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chief technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other province or city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agricultural</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-agricultural</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The file could not be written: {reason}. Check that the disk is not full and the folder is writable, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error occurred. Your data was not changed. Details are in the log folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UnionDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ethnicity</name>
    <message>
        <source>Han</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mongol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tibetan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uyghur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Miao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zhuang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bouyei</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manchu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tujia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hani</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Li</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lisu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Va</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>She</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaoshan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lahu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dongxiang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naxi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jingpo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kyrgyz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mulao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qiang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maonan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gelao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xibe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pumi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tajik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uzbek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evenki</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&apos;ang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yugur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tatar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oroqen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hezhen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monba</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lhoba</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jino</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to UnionDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. XX有限公司工会委员会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 characters, from the union&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database was found in {folder}. Enter your union&apos;s details to create one. They appear on every return.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Union name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>UnionDesk — {union}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UnionDesk was started again; it stays open only once per data folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberFormDialog</name>
    <message>
        <source>Edit member: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker in hardship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Political status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID and contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membership history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member was not saved. Correct the {count} problem(s) shown in red, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Political status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Search by name, pinyin initials, last digits of the ID number, or card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membership change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for deleting (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {name} (card {card}) from the register? The membership history is kept, but the member no longer appears in lists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MembershipChangeDialog</name>
    <message>
        <source>Membership change: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was not recorded. Correct what is shown in red.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Tick to enter the date; leave empty if not known</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>The new language is used after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Union</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Only mainland China mobile numbers (+86) can be entered. Enter a mainland number, or leave the field empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mobile number contains “{char}”, which is not a digit. Type digits only; spaces, hyphens and +86 are removed for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mobile number has {length} digits, but a mainland mobile number has 11. Check for a missing or extra digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mainland mobile number starts with 13 to 19, but this one starts with {prefix}. Enter a mobile number (not a landline), or leave the field empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number is missing. Enter the number shown on the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number has {length} characters, but this document type has {expected}. Check for a missing or extra character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number contains “{char}” at position {position}. Only digits are allowed, and X only as the last character; correct that character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date in the ID number, {date}, does not exist. Check digits 7 to 14 against the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date in the ID number, {date}, is in the future. Check digits 7 to 14 against the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date in the ID number, {date}, is before {year}. Check digits 7 to 14 against the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check character of this ID number is wrong ({expected} expected from the first 17 digits). Check the number against the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers starting with 9 belong to foreigner permanent residence IDs. Choose that document type, or check the first digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number starts with {code}, which is not a province code. Check the first two digits against the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Hong Kong, Macao or Taiwan residence permit number starts with 810000, 820000 or 830000, but this one starts with {prefix}. Check the number, or choose the right document type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An 18-character foreigner permanent residence ID number starts with 9. Check the first character, or choose the right document type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a 15-digit number from an old first-generation card, which is no longer accepted. Enter the 18-digit number from the member&apos;s current ID card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number has {length} characters, but a foreigner permanent residence ID number has 18 (15 on cards issued before December 2023). Check for a missing or extra character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 15-character foreigner permanent residence ID number is 3 letters followed by 12 digits. Check the number against the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passport number has {length} characters, but it should have 5 to 20. Check it against the passport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passport number contains “{char}” at position {position}. Only letters and digits are allowed; correct that character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number belongs to a man, but Female is selected. Choose Male, or correct the ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number belongs to a woman, but Male is selected. Choose Female, or correct the ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number gives the birth date {derived}, but {entered} was entered. Correct the birth date or the ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the member&apos;s sex.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date is missing. Enter it as shown on the ID document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the member&apos;s ethnic group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{code}” is not an ethnic-group code. Choose one of the 56 groups from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This text has {length} characters, but at most {limit} are allowed. Shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The membership card number has {length} characters, but at most {limit} are allowed. Check it against the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The membership card number may contain only letters, digits and hyphens (-). Remove the other characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The join date is missing. Enter the date the member joined the union.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date {date} is in the future. Check the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the birth date {date} the member is not yet 16, and only people aged 16 or over can join a union. Check the birth date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work start date {date} is in the future. Enter the date the member started work, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work start date {date} is before the member&apos;s 16th birthday ({birthday}). Check this date and the birth date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The join date {date} is in the future. Enter the date the member actually joined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The join date {date} is before the member&apos;s 16th birthday ({birthday}), and only people aged 16 or over can join a union. Check this date and the birth date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The join date {date} is before the date work started ({start}). Check both dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member is recorded as deceased; no further change can be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is already an active member; record a join or transfer in only after they have left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an active member can transfer out, withdraw, be expelled or be recorded as deceased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date {date} is in the future. Enter the date it took effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date is before the last recorded change ({last}). Changes must be entered in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a reason for this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason is {length} characters long; at most {limit} are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is missing. Enter the name as it is written on the ID document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name contains “{char}”, which is not allowed in a name. Delete it: a name may have Chinese characters, Latin letters, spaces and the middle dot (·).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name contains an invisible character (U+{code}), which is not allowed in a name. Delete the name and type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name starts or ends with a middle dot (·). Remove it: the dot only goes between the parts of a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name has two middle dots (·) in a row. Keep one dot between the parts of a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name has {length} characters, but at most {limit} are allowed. Shorten the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unified social credit code is missing. Enter the 18 characters printed on the business licence or registration certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credit code has {length} characters, but it should have 18. Check for a missing or extra character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credit code contains the letter {char} at position {position}, which credit codes never use. It is probably the digit {digit}; correct that character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credit code contains “{char}” at position {position}, which is not allowed. Use digits and capital letters only (never I, O, S, V or Z).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check character of this credit code is wrong ({expected} expected from the first 17 characters). Check the code against the business licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database already exists in {folder}. Open it instead, or choose another data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the union&apos;s full name, e.g. XX有限公司工会委员会.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The union&apos;s name is {length} characters long; at most {limit} are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database in {folder} was written by a newer version of UnionDesk (schema {revision}). It has not been changed. Install the newer version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the database failed, so it was restored from the backup {backup}. Nothing was lost. Please report this problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {file} is not a readable UnionDesk database. It has not been changed or overwritten. Restore a backup from {backups}, or choose another data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams cannot have sub-departments; the tree has at most three levels (enterprise, workshop, team).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” still has sub-departments. Delete or move them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” still has {count} members. Move them to another department first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This department no longer exists. Refresh the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the department&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The department name is {length} characters long; at most {limit} are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A department named “{name}” already exists at this level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member is no longer on the register (deleted meanwhile?). Refresh the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ID number is already registered to {name} (card {card}). Open that member instead of adding them twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number {card} already belongs to {name}. Each member needs their own card number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen department no longer exists (deleted meanwhile?). Choose another department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another user registered this ID number or card number a moment ago. Search for {name} before saving again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The join date cannot be after a later membership change ({date}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
