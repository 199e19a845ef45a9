<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountMenu</name>
    <message>
        <location filename="../../riskdesk/ui/account_menu.py" line="23" />
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_menu.py" line="26" />
        <source>&amp;Manage</source>
        <translation>管理(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_menu.py" line="27" />
        <source>Users and divisions…</source>
        <translation>用户和庭室…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_menu.py" line="41" />
        <source>As IT administrator you manage users and divisions (Manage ▸ Users and divisions…); case content is not shown to your role.</source>
        <translation>信息技术管理员负责管理用户和庭室（管理 ▸ 用户和庭室…），不查看案件内容。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_menu.py" line="50" />
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="86" />
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="96" />
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="96" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="97" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="97" />
        <source>Division</source>
        <translation>庭室</translation>
    </message>
</context>
<context>
    <name>BreakdownPane</name>
    <message>
        <location filename="../../riskdesk/ui/stats_pane.py" line="78" />
        <source>&amp;Up a level</source>
        <translation>上一级(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_pane.py" line="80" />
        <source>Back to the level above (Backspace)</source>
        <translation>回到上一级（Backspace）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_pane.py" line="83" />
        <source>Cases with risk found</source>
        <translation>存在风险的案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_pane.py" line="84" />
        <location filename="../../riskdesk/ui/stats_pane.py" line="253" />
        <source>Cases with risk found: choose a row or click its bar</source>
        <translation>存在风险的案件：选择一行或点击其条形</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_pane.py" line="100" />
        <source>Figures</source>
        <translation>统计数字</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_pane.py" line="180" />
        <source>All stages</source>
        <translation>全部环节</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_pane.py" line="191" />
        <source>Total: answered %1 · risk found %2 · no risk %3 · not applicable %4 · risk rate %5</source>
        <translation>合计：已作答 %1 · 存在风险 %2 · 无风险 %3 · 不适用 %4 · 风险率 %5</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_pane.py" line="264" />
        <source>Cases with risk found in %1: %2</source>
        <translation>“%1”存在风险的案件：%2 件</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <location filename="../../riskdesk/ui/case_header.py" line="44" />
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_header.py" line="44" />
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_header.py" line="45" />
        <source>Judge</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_header.py" line="45" />
        <source>Division</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_header.py" line="46" />
        <source>Filed</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_header.py" line="51" />
        <source>No stage rule for the type code %1: every stage is shown.</source>
        <translation>类型代字“%1”没有对应的环节规则，显示全部环节。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_header.py" line="60" />
        <source>Origin %1: no open risk recorded in this database.</source>
        <translation>原审/执行依据 %1：本数据库中没有记录存在风险的风险点。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../riskdesk/ui/case_header.py" line="65" />
        <source>Origin %1 left %n risk(s) open:</source>
        <translation>
            <numerusform>原审/执行依据 %1 尚有 %n 项存在风险：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../riskdesk/ui/case_header.py" line="69" />
        <source>… and %n more (see the tooltip or the case report)</source>
        <translation>
            <numerusform>……另有 %n 项（见提示或案件核查报告）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <location filename="../../riskdesk/ui/case_list.py" line="36" />
        <source>Search cases: case No., parties, cause (Ctrl+F)</source>
        <translation>搜索案件：案号、当事人、案由（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_list.py" line="37" />
        <source>Search cases</source>
        <translation>搜索案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_list.py" line="42" />
        <source>Cases</source>
        <translation>案件列表</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_list.py" line="84" />
        <source>Your role does not read cases.</source>
        <translation>您的角色不查看案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_list.py" line="89" />
        <source>The newest %1 cases are shown; search to find older ones.</source>
        <translation>显示最近的 %1 件案件；更早的案件请搜索。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../riskdesk/ui/case_list.py" line="92" />
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../riskdesk/ui/models/case_table_model.py" line="65" />
        <source>Points answered in the filing / trial / enforcement checklists (— = not started)</source>
        <translation>立案、审判、执行清单中已核查的风险点数（—表示尚未开始）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/case_table_model.py" line="70" />
        <source>Case No.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/case_table_model.py" line="71" />
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/case_table_model.py" line="72" />
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/case_table_model.py" line="73" />
        <source>Judge</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/case_table_model.py" line="74" />
        <source>F / T / E</source>
        <translation>立 / 审 / 执</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/case_table_model.py" line="118" />
        <source>%1: not started</source>
        <translation>%1：未开始</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="88" />
        <location filename="../../riskdesk/ui/account_dialogs.py" line="105" />
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="92" />
        <source>Your password was set by the administrator. Choose your own password before you go on.</source>
        <translation>您的密码由管理员设置，请先设置您自己的密码再继续。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="96" />
        <location filename="../../riskdesk/ui/account_dialogs.py" line="100" />
        <source>Current password</source>
        <translation>原密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="97" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="98" />
        <location filename="../../riskdesk/ui/account_dialogs.py" line="102" />
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="101" />
        <source>New password (at least 8 characters)</source>
        <translation>新密码（至少 8 个字符）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="106" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="106" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="116" />
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>ChecklistBanners</name>
    <message>
        <location filename="../../riskdesk/ui/banners.py" line="60" />
        <source>A newer catalog is available: %1 point(s) changed. Answers to unchanged points carry over. Click to upgrade this checklist.</source>
        <translation>风险点目录已更新：%1 项有变化。未变化的风险点保留原核查结果。点击此处升级本清单。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/banners.py" line="70" />
        <source>Submitted for review by %1 (%2). Answers wait until it is approved, returned or withdrawn.</source>
        <translation>已由 %1 提交审核（%2）。审核通过、退回或撤回之前不能修改核查结果。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/banners.py" line="74" />
        <source>Returned by %1 (%2): %3</source>
        <translation>已被 %1 退回（%2）：%3</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/banners.py" line="78" />
        <source>Approved by %1 (%2). Changing an answer needs a reason and a new approval.</source>
        <translation>已由 %1 审核通过（%2）。修改核查结果须说明理由，并重新审核。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/banners.py" line="82" />
        <source>Changed after approval: submit it again for a new approval.</source>
        <translation>审核通过后有修改：请重新提交审核。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/banners.py" line="94" />
        <source>All %1 points of this stage are reviewed: %2 risk(s) found, %3 not applicable.</source>
        <translation>本环节 %1 项风险点已全部核查完毕：存在风险 %2 项，不适用 %3 项。</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../riskdesk/ui/models/checklist_model.py" line="221" />
        <source>%n not applicable (case type)</source>
        <translation>%n 项不适用（案件类型）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/checklist_model.py" line="291" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/checklist_model.py" line="292" />
        <source>Risk point</source>
        <translation>风险点</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/checklist_model.py" line="293" />
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/checklist_model.py" line="294" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/checklist_model.py" line="158" />
        <location filename="../../riskdesk/ui/models/checklist_model.py" line="295" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../riskdesk/ui/checklist_panel.py" line="124" />
        <location filename="../../riskdesk/ui/checklist_panel.py" line="295" />
        <source>Sign-off</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/checklist_panel.py" line="165" />
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/checklist_panel.py" line="178" />
        <source>Rectification ledger</source>
        <translation>整改台账</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/checklist_panel.py" line="206" />
        <source>%1 is not “%2”: a rectification item is made only for a risk found.</source>
        <translation>%1 不是“%2”：只有存在风险的风险点才建立整改项。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/checklist_panel.py" line="217" />
        <source>%1 is at risk: press Z to make a rectification item.</source>
        <translation>%1 存在风险：按 Z 建立整改项。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/checklist_panel.py" line="240" />
        <source>Change an approved answer</source>
        <translation>修改已审核的核查结果</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/checklist_panel.py" line="241" />
        <source>This checklist was approved. Why does %1 change? The checklist goes back to draft and needs a new approval.</source>
        <translation>本清单已审核通过。请说明修改 %1 的理由。修改后清单回到“填写中”，需要重新审核。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/checklist_panel.py" line="258" />
        <source>%1 → %2 was NOT saved</source>
        <translation>%1 → %2 未能保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/checklist_panel.py" line="276" />
        <source>The note of %1 was NOT saved</source>
        <translation>%1 的备注未能保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/checklist_panel.py" line="308" />
        <location filename="../../riskdesk/ui/checklist_panel.py" line="334" />
        <source>Cannot open the checklist</source>
        <translation>无法打开核查清单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/checklist_panel.py" line="332" />
        <source>Shown again with changes made elsewhere.</source>
        <translation>已显示在其他席位或窗口所作的修改。</translation>
    </message>
</context>
<context>
    <name>ChecklistTree</name>
    <message>
        <location filename="../../riskdesk/ui/checklist_tree.py" line="58" />
        <source>Checklist</source>
        <translation>核查清单</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="61" />
        <source>Risk point details</source>
        <translation>风险点详情</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="65" />
        <source>Note (E to edit, Esc to return)</source>
        <translation>备注（按 E 编辑，Esc 返回清单）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="67" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="68" />
        <source>What was found, which document, what was done about it</source>
        <translation>发现了什么、涉及哪份材料、采取了什么措施</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="131" />
        <source>Select a risk point</source>
        <translation>请选择一个风险点</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="157" />
        <source>Rectification item</source>
        <translation>整改项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="158" />
        <source>Z opens it</source>
        <translation>按 Z 打开</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="165" />
        <source>deadline %1</source>
        <translation>时限 %1</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="182" />
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="183" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="184" />
        <source>Process node</source>
        <translation>流程节点</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="193" />
        <source>Risk warning</source>
        <translation>风险提示</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="194" />
        <source>Operating guidance</source>
        <translation>操作指引</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="195" />
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="196" />
        <source> (policy document)</source>
        <translation>（规范性文件）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="204" />
        <source>Time limit</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="207" />
        <source>Applies to</source>
        <translation>适用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="211" />
        <source>Local practice</source>
        <translation>地方做法</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="211" />
        <source>Remark</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="216" />
        <source>Changed in the new catalog — answer again. Before the change</source>
        <translation>该风险点在新版目录中已修改，请重新核查。修改前的核查结果</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="223" />
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="231" />
        <source>Typing…</source>
        <translation>正在输入…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="244" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="248" />
        <source>NOT saved — the text stays here; retrying</source>
        <translation>未能保存——文字仍保留在此，正在重试</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/detail_pane.py" line="259" />
        <source>NOT saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>FigureTiles</name>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="131" />
        <source>Checklists</source>
        <translation>检查单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="131" />
        <source>Started</source>
        <translation>已开始</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="131" />
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="132" />
        <source>Approved</source>
        <translation>已审核通过</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="133" />
        <source>Risk points</source>
        <translation>风险点</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="133" />
        <source>Applicable points answered</source>
        <translation>适用风险点已作答</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="134" />
        <source>Risk found</source>
        <translation>存在风险</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="134" />
        <source>Risk rate</source>
        <translation>风险率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="135" />
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="135" />
        <source>Items opened</source>
        <translation>梳理</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="135" />
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="136" />
        <source>Being rectified</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="136" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="137" />
        <source>Median days to close</source>
        <translation>销号中位天数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="158" />
        <source>Items still open whose deadline has passed</source>
        <translation>尚未销号且已超过整改时限的整改项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="159" />
        <source>Rectification items made in the period, whatever their state now</source>
        <translation>本期间梳理出的整改项（不论现在状态）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="173" />
        <source>Made in the period: %1; dismissed after review: %2</source>
        <translation>本期间梳理：%1 项；经复核无需整改：%2 项</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../riskdesk/ui/filter_bar.py" line="21" />
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/filter_bar.py" line="22" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/filter_bar.py" line="24" />
        <source>Only: %1</source>
        <translation>仅看：%1</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/filter_bar.py" line="26" />
        <source>Filter by level</source>
        <translation>按等级筛选</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/filter_bar.py" line="27" />
        <source>All levels</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/filter_bar.py" line="29" />
        <source>Level: %1</source>
        <translation>等级：%1</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/filter_bar.py" line="31" />
        <source>Filter by process node</source>
        <translation>按流程节点筛选</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/filter_bar.py" line="34" />
        <source>Search this checklist (number, words, note)</source>
        <translation>在本清单中搜索（编号、关键词、备注）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/filter_bar.py" line="35" />
        <source>Search this checklist</source>
        <translation>在本清单中搜索</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/filter_bar.py" line="37" />
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/filter_bar.py" line="40" />
        <source>Points that cannot apply to a case of this kind, procedure or 程序 are set aside as not applicable (case type). Show them to answer one anyway.</source>
        <translation>与本案案件类型、审理程序或适用程序不符的风险点已按“不适用（案件类型）”收起；显示后仍可逐项作答。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../riskdesk/ui/filter_bar.py" line="64" />
        <source>Show %n set aside by case type</source>
        <translation>
            <numerusform>显示按案件类型收起的 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/filter_bar.py" line="71" />
        <source>All process nodes</source>
        <translation>全部流程节点</translation>
    </message>
</context>
<context>
    <name>FindingAction</name>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="38" />
        <source>Created</source>
        <translation>建立</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="39" />
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="40" />
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="41" />
        <source>Evidence added</source>
        <translation>上传证据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="42" />
        <source>Deadline extended</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="43" />
        <source>Level changed</source>
        <translation>调整风险等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="44" />
        <source>Applied for closing</source>
        <translation>申请销号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="45" />
        <source>Closing approved</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="46" />
        <source>Application returned</source>
        <translation>退回销号申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="47" />
        <source>No rectification needed</source>
        <translation>经复核无需整改</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="48" />
        <source>Reopened</source>
        <translation>重新整改</translation>
    </message>
</context>
<context>
    <name>FindingActions</name>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="71" />
        <location filename="../../riskdesk/ui/finding_actions.py" line="73" />
        <location filename="../../riskdesk/ui/finding_actions.py" line="74" />
        <source>New rectification item</source>
        <translation>建立整改项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="75" />
        <source>%1 %2 (level %3). Found at risk: %4</source>
        <translation>%1 %2（风险等级：%3）。核查备注：%4</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="78" />
        <location filename="../../riskdesk/ui/finding_actions.py" line="113" />
        <source>Measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="79" />
        <location filename="../../riskdesk/ui/finding_actions.py" line="114" />
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="80" />
        <location filename="../../riskdesk/ui/finding_actions.py" line="115" />
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="82" />
        <location filename="../../riskdesk/ui/finding_actions.py" line="117" />
        <source>Supervising leader</source>
        <translation>督办领导</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="83" />
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="95" />
        <source>Record progress</source>
        <translation>记录进展</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="96" />
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="100" />
        <source>Add evidence</source>
        <translation>添加证据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="101" />
        <source>A description, a file (at most 10 MB, kept in the database with its SHA-256), or both.</source>
        <translation>一段说明、一个文件（不超过 10 MB，连同 SHA-256 保存在数据库中），或两者都有。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="102" />
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="103" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="111" />
        <location filename="../../riskdesk/ui/finding_actions.py" line="112" />
        <source>Change measure or people</source>
        <translation>修改整改措施或责任人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="123" />
        <source>Deadline now: %1 (first set: %2).</source>
        <translation>现整改时限：%1（原定 %2）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="124" />
        <source>Deadline now: %1.</source>
        <translation>现整改时限：%1。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="125" />
        <source> The original deadline stays on record; the extension is approved by someone other than the responsible person (%1).</source>
        <translation>原定时限保留在记录中；延期须由责任人（%1）以外的人批准。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="127" />
        <source>Extend the deadline</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="129" />
        <source>New deadline</source>
        <translation>新的整改时限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="130" />
        <location filename="../../riskdesk/ui/finding_actions.py" line="136" />
        <location filename="../../riskdesk/ui/finding_actions.py" line="164" />
        <location filename="../../riskdesk/ui/finding_actions.py" line="169" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="134" />
        <source>Change the level</source>
        <translation>调整风险等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="135" />
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="141" />
        <source>Apply for closing</source>
        <translation>申请销号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="142" />
        <source>Only the responsible person (%1) applies, with evidence of what was done.</source>
        <translation>只有责任人（%1）可以申请销号，并须附整改证据。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="144" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="145" />
        <source>Result of the rectification</source>
        <translation>整改结果说明</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="150" />
        <source>Close the item</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="151" />
        <source>Closed by someone who is neither the responsible person (%1) nor the applicant (%2).</source>
        <translation>销号审核人不能是责任人（%1）或申请人（%2）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="153" />
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="157" />
        <source>Return the application</source>
        <translation>退回销号申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="158" />
        <source>What is missing</source>
        <translation>退回意见（还缺什么）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="162" />
        <source>No rectification needed</source>
        <translation>经复核无需整改</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="163" />
        <source>Decided on review by someone other than the responsible person (%1).</source>
        <translation>须由责任人（%1）以外的复核人决定。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_actions.py" line="168" />
        <source>Rectify again</source>
        <translation>重新整改</translation>
    </message>
</context>
<context>
    <name>FindingDetails</name>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="50" />
        <source>Systemic problem</source>
        <translation>共性问题</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="63" />
        <source>%1 day(s) left</source>
        <translation>剩余 %1 日</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="66" />
        <source>Originally: %1</source>
        <translation>原定：%1</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="68" />
        <source>Extension %1: to %2, approved by %3 on %4. Reason: %5</source>
        <translation>第 %1 次延期：至 %2，%3 于 %4 批准。理由：%5</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="82" />
        <source>Systemic problem at %1 in the cases: %2</source>
        <translation>共性问题：%1，涉及案件：%2</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="83" />
        <source>Entered by hand</source>
        <translation>人工录入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="89" />
        <source>(found as %1)</source>
        <translation>（发现时为%1）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="91" />
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="92" />
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="93" />
        <source>Measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="94" />
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="95" />
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="96" />
        <source>Supervising leader</source>
        <translation>督办领导</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="97" />
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="98" />
        <source>Created</source>
        <translation>建立</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="99" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="102" />
        <source>Note of the answer</source>
        <translation>核查时的备注</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="104" />
        <source>Result of the rectification</source>
        <translation>整改结果说明</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="106" />
        <source>Applied for closing by</source>
        <translation>销号申请人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="109" />
        <source>Closed by</source>
        <translation>销号审核人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="114" />
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="114" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="114" />
        <source>Returned</source>
        <translation>退回意见</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_html.py" line="129" />
        <source>Changed %1</source>
        <translation>修改%1</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="77" />
        <source>Item details</source>
        <translation>整改项详情</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="79" />
        <location filename="../../riskdesk/ui/finding_dialog.py" line="83" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="79" />
        <location filename="../../riskdesk/ui/finding_dialog.py" line="83" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="79" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="79" />
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="80" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="80" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="80" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="81" />
        <location filename="../../riskdesk/ui/finding_dialog.py" line="91" />
        <source>Progress and evidence</source>
        <translation>进展与证据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="83" />
        <source>Step</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="83" />
        <source>From</source>
        <translation>原</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="84" />
        <source>To</source>
        <translation>改为</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="84" />
        <source>Reason / remark</source>
        <translation>理由 / 说明</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="85" />
        <location filename="../../riskdesk/ui/finding_dialog.py" line="92" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="86" />
        <source>&amp;Save file…</source>
        <translation>保存文件(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="87" />
        <source>Open &amp;file</source>
        <translation>打开文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="90" />
        <source>Overview</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="120" />
        <source>Record &amp;progress…</source>
        <translation>记录进展(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="120" />
        <source>Add &amp;evidence…</source>
        <translation>添加证据(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="121" />
        <source>Change &amp;measure or people…</source>
        <translation>修改措施/责任人(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="121" />
        <source>E&amp;xtend…</source>
        <translation>延期(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="122" />
        <source>Change &amp;level…</source>
        <translation>调整等级(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="122" />
        <source>&amp;Apply for closing…</source>
        <translation>申请销号(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="123" />
        <source>&amp;Close item…</source>
        <translation>销号(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="123" />
        <source>&amp;Return…</source>
        <translation>退回(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="124" />
        <source>&amp;No rectification needed…</source>
        <translation>无需整改(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="124" />
        <source>Rectify a&amp;gain…</source>
        <translation>重新整改(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="132" />
        <source>Open the &amp;case</source>
        <translation>打开案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="133" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="141" />
        <source>Rectification item</source>
        <translation>整改项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="149" />
        <source>Rectification item %1</source>
        <translation>整改项 %1</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="230" />
        <location filename="../../riskdesk/ui/finding_dialog.py" line="234" />
        <location filename="../../riskdesk/ui/finding_dialog.py" line="253" />
        <location filename="../../riskdesk/ui/finding_dialog.py" line="269" />
        <source>Evidence file</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="235" />
        <source>The file %1 does not match its recorded SHA-256: it was changed in the database.</source>
        <translation>文件 %1 与记录的 SHA-256 不符：数据库中的文件已被改动。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="246" />
        <source>Save the evidence file</source>
        <translation>保存证据文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_dialog.py" line="253" />
        <location filename="../../riskdesk/ui/finding_dialog.py" line="269" />
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>FindingState</name>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="28" />
        <source>To rectify</source>
        <translation>待整改</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="29" />
        <source>In progress</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="30" />
        <source>Waiting for closing</source>
        <translation>待销号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="31" />
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="32" />
        <source>No rectification needed</source>
        <translation>经复核无需整改</translation>
    </message>
</context>
<context>
    <name>FindingTableModel</name>
    <message>
        <location filename="../../riskdesk/ui/models/finding_table_model.py" line="58" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/finding_table_model.py" line="59" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/finding_table_model.py" line="60" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/finding_table_model.py" line="61" />
        <source>Case No.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/finding_table_model.py" line="62" />
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/finding_table_model.py" line="63" />
        <source>Risk point</source>
        <translation>风险点</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/finding_table_model.py" line="64" />
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/finding_table_model.py" line="65" />
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/finding_table_model.py" line="66" />
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/finding_table_model.py" line="67" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/finding_table_model.py" line="68" />
        <source>Deadline now</source>
        <translation>现整改时限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/finding_table_model.py" line="69" />
        <source>Created on</source>
        <translation>建立日期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/finding_table_model.py" line="94" />
        <source>%1 (originally %2)</source>
        <translation>%1（原定 %2）</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../riskdesk/ui/finding_forms.py" line="56" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_forms.py" line="57" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_forms.py" line="120" />
        <source>No file</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_forms.py" line="121" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_forms.py" line="133" />
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_forms.py" line="139" />
        <source>Done by (your name)</source>
        <translation>操作人（您的姓名）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/finding_forms.py" line="162" />
        <source>Please fill in: %1</source>
        <translation>请填写：%1</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../riskdesk/ui/history_dialog.py" line="15" />
        <source>History of %1</source>
        <translation>%1 的修改记录</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/history_dialog.py" line="18" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/history_dialog.py" line="18" />
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/history_dialog.py" line="18" />
        <source>What</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/history_dialog.py" line="18" />
        <source>From → to</source>
        <translation>修改前 → 修改后</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/history_dialog.py" line="19" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/history_dialog.py" line="22" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/history_dialog.py" line="24" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/history_dialog.py" line="34" />
        <source>Not answered yet.</source>
        <translation>尚未核查。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/history_dialog.py" line="38" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="49" />
        <location filename="../../riskdesk/ui/import_dialog.py" line="111" />
        <source>Import cases</source>
        <translation>导入案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="51" />
        <source>An Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK), one case per row. Columns are found by their headers: 案号 (required), 案由, 当事人, 承办人, 立案日期, 承办部门, 程序, 原审案号/执行依据. Nothing is imported while any row has an error.</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件（UTF-8 或 GBK 编码），每行一件案件。按表头识别各列：案号（必需）、案由、当事人、承办人、立案日期、承办部门、程序、原审案号/执行依据。只要有一行有误（且未选择跳过），就不导入任何案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="57" />
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="58" />
        <source>File to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="59" />
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="70" />
        <source>&amp;Skip the rows with errors and import the others</source>
        <translation>跳过有误的行，导入其余各行(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="73" />
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="75" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="91" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="112" />
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="119" />
        <source>Cannot import this file</source>
        <translation>无法导入此文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="140" />
        <source>Choose a file to see what will be imported.</source>
        <translation>选择文件后，这里列出每一行将如何导入。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="141" />
        <source>%1 new, %2 to update, %3 unchanged, %4 with errors.</source>
        <translation>新增 %1 件，更新 %2 件，未变 %3 件，有误 %4 行。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="145" />
        <source>Columns ignored: %1</source>
        <translation>忽略的列：%1</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="147" />
        <source>Rows with errors are listed first, in red. Correct them in the file and choose it again, or skip them.</source>
        <translation>有误的行以红色列在最前。请在文件中改正后重新选择该文件，或勾选下方的“跳过有误的行”。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="150" />
        <source>Every case in the file is already in the database as it is: nothing to import.</source>
        <translation>文件中的案件都已在数据库中且没有变化，无需导入。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="164" />
        <source>Import refused</source>
        <translation>未能导入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="170" />
        <source>Cases imported</source>
        <translation>案件已导入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_dialog.py" line="171" />
        <source>%1 new, %2 updated, %3 unchanged, %4 skipped.</source>
        <translation>新增 %1 件，更新 %2 件，未变 %3 件，跳过 %4 件。</translation>
    </message>
</context>
<context>
    <name>ImportPlanModel</name>
    <message>
        <location filename="../../riskdesk/ui/models/import_plan_model.py" line="33" />
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/import_plan_model.py" line="34" />
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/import_plan_model.py" line="35" />
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/import_plan_model.py" line="36" />
        <source>Error</source>
        <translation>有误</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/import_plan_model.py" line="64" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/import_plan_model.py" line="65" />
        <source>Case No.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/import_plan_model.py" line="66" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/import_plan_model.py" line="67" />
        <source>Details</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="53" />
        <source>%n day(s) overdue</source>
        <translation>逾期 %n 日</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="58" />
        <source>Unreviewed</source>
        <translation>未核查</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="59" />
        <source>No risk</source>
        <translation>无风险</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="60" />
        <source>Risk found</source>
        <translation>存在风险</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="61" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="62" />
        <source>Not applicable (case type)</source>
        <translation>不适用（案件类型）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="67" />
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="67" />
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="67" />
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="71" />
        <source>Filing</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="71" />
        <source>Trial</source>
        <translation>审判</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="71" />
        <source>Enforcement</source>
        <translation>执行</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="76" />
        <source>Judge's assistant / clerk</source>
        <translation>法官助理/书记员</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="77" />
        <source>Judge in charge</source>
        <translation>承办法官</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="78" />
        <source>Division head</source>
        <translation>庭长</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="79" />
        <source>Case management office</source>
        <translation>审管办</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="80" />
        <source>IT administrator</source>
        <translation>信息技术管理员</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="86" />
        <source>Civil</source>
        <translation>民事</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="87" />
        <source>Criminal</source>
        <translation>刑事</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/labels.py" line="88" />
        <source>Administrative</source>
        <translation>行政</translation>
    </message>
</context>
<context>
    <name>LedgerActions</name>
    <message>
        <location filename="../../riskdesk/ui/ledger_actions.py" line="40" />
        <source>Rectification &amp;ledger…</source>
        <translation>整改台账(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_actions.py" line="50" />
        <source>Open the ledger with the overdue items</source>
        <translation>打开整改台账，只看逾期的整改项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_actions.py" line="103" />
        <source>New rectification item</source>
        <translation>建立整改项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_actions.py" line="114" />
        <source>Rectification ledger</source>
        <translation>整改台账</translation>
    </message>
    <message numerus="yes">
        <location filename="../../riskdesk/ui/ledger_actions.py" line="115" />
        <source>Overdue rectification: %n item(s)</source>
        <translation>
            <numerusform>逾期整改 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LedgerFilterBar</name>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="48" />
        <source>Search: No., case No., problem, person, risk point…</source>
        <translation>搜索：编号、案号、问题、责任人、风险点…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="49" />
        <source>Search the ledger</source>
        <translation>搜索整改台账</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="50" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="51" />
        <source>Still to be done</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="54" />
        <source>&amp;Overdue only</source>
        <translation>只看逾期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="57" />
        <source>any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="58" />
        <source> days</source>
        <translation> 日内</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="59" />
        <source>Due within</source>
        <translation>到期日数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="60" />
        <source>Items still to be done whose deadline falls within this many days</source>
        <translation>尚未完成、整改时限在这么多日之内（尚未逾期）的整改项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="61" />
        <source>&amp;Made from</source>
        <translation>建立日期(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="69" />
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="72" />
        <source>Process node</source>
        <translation>流程节点</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="73" />
        <source>Risk point</source>
        <translation>风险点</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="74" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="75" />
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="76" />
        <source>C&amp;lear filters</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="93" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="104" />
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="107" />
        <source>Due within:</source>
        <translation>到期：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="112" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="115" />
        <source>Stage:</source>
        <translation>环节：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="115" />
        <source>Node:</source>
        <translation>节点：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="116" />
        <source>Point:</source>
        <translation>风险点：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="116" />
        <source>Responsible:</source>
        <translation>责任人：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="117" />
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_filters.py" line="192" />
        <source>all periods</source>
        <translation>全部期间</translation>
    </message>
</context>
<context>
    <name>LedgerWindow</name>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="55" />
        <location filename="../../riskdesk/ui/ledger_window.py" line="140" />
        <location filename="../../riskdesk/ui/ledger_window.py" line="227" />
        <location filename="../../riskdesk/ui/ledger_window.py" line="243" />
        <source>Rectification ledger</source>
        <translation>整改台账</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="67" />
        <source>&amp;Open item</source>
        <translation>打开整改项(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="68" />
        <source>Export &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="69" />
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="70" />
        <source>Find &amp;systemic problems</source>
        <translation>查找共性问题(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="71" />
        <source>One risk point found in several cases of one department within the period set in the settings: a 共性问题 item for 审管办</source>
        <translation>同一风险点在设定期间内于同一部门多件案件中存在风险：为审管办建立共性问题整改项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="73" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="101" />
        <source>Rectification items</source>
        <translation>整改项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="168" />
        <source> (shown: %1 of %2 items)</source>
        <translation>（显示 %2 项中的 %1 项）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="223" />
        <source>Rectification ledger (%1)</source>
        <translation>整改台账（%1）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="227" />
        <location filename="../../riskdesk/ui/ledger_window.py" line="234" />
        <location filename="../../riskdesk/ui/ledger_window.py" line="243" />
        <location filename="../../riskdesk/ui/ledger_window.py" line="252" />
        <source>Export the ledger</source>
        <translation>导出整改台账</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="228" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="237" />
        <location filename="../../riskdesk/ui/ledger_window.py" line="255" />
        <source>Exported %1 item(s) to %2</source>
        <translation>已导出 %1 项到 %2</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="244" />
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="261" />
        <location filename="../../riskdesk/ui/ledger_window.py" line="270" />
        <source>Systemic problems</source>
        <translation>共性问题</translation>
    </message>
    <message numerus="yes">
        <location filename="../../riskdesk/ui/ledger_window.py" line="265" />
        <source>%n new systemic item(s):</source>
        <translation>
            <numerusform>新建共性问题整改项 %n 项：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/ledger_window.py" line="268" />
        <source>No new systemic problem: no risk point was found in enough cases of one department within the period.</source>
        <translation>没有新的共性问题：在设定期间内，没有风险点在同一部门足够多的案件中存在风险。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="44" />
        <source>RiskDesk — Log in</source>
        <translation>RiskDesk — 登录</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="46" />
        <source>This database is shared: log in with your account.</source>
        <translation>这是共享数据库，请用您的账户登录。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="49" />
        <location filename="../../riskdesk/ui/account_dialogs.py" line="53" />
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="50" />
        <location filename="../../riskdesk/ui/account_dialogs.py" line="54" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="56" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="57" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/account_dialogs.py" line="69" />
        <source>Type your login and your password.</source>
        <translation>请输入登录名和密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="56" />
        <source>RiskDesk — Risk checklists for filing, trial and enforcement</source>
        <translation>RiskDesk 立审执风险防控清单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="100" />
        <source>No case open.

Ctrl+N creates a case; Ctrl+F searches the list; Enter opens the selected case.</source>
        <translation>尚未打开案件。

Ctrl+N 新建案件；Ctrl+F 搜索案件；回车打开选中的案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="310" />
        <source>Saved at %1</source>
        <translation>已于 %1 保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="128" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="129" />
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="131" />
        <source>&amp;Import cases…</source>
        <translation>导入案件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="133" />
        <source>&amp;Print / Export</source>
        <translation>打印 / 导出(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="134" />
        <source>Print / export PDF…</source>
        <translation>打印 / 导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="137" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="138" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="139" />
        <source>Search cases</source>
        <translation>搜索案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="142" />
        <source>Next unreviewed point</source>
        <translation>下一个未核查的风险点</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="143" />
        <source>Open another stage…</source>
        <translation>打开其他环节…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="145" />
        <source>Statistics…</source>
        <translation>统计…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="148" />
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="154" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="155" />
        <source>Reviewer and court…</source>
        <translation>承办人与法院…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="157" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="158" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="159" />
        <location filename="../../riskdesk/ui/main_window.py" line="368" />
        <source>About RiskDesk</source>
        <translation>关于 RiskDesk</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="207" />
        <location filename="../../riskdesk/ui/main_window.py" line="213" />
        <source>Cannot open the case</source>
        <translation>无法打开案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="214" />
        <source>No checklist of this case has been started yet: there is nothing to view.</source>
        <translation>该案件尚未开始任何环节的核查，没有可查看的核查清单。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="256" />
        <location filename="../../riskdesk/ui/main_window.py" line="259" />
        <location filename="../../riskdesk/ui/main_window.py" line="266" />
        <source>Open another stage</source>
        <translation>打开其他环节</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="256" />
        <source>Every stage is already shown.</source>
        <translation>所有环节均已显示。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="259" />
        <source>Stage:</source>
        <translation>环节：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="267" />
        <source>A %1 case does not go through the %2 stage (its stages: %3). Open the %2 checklist anyway?</source>
        <translation>%1案件一般不经过%2环节（应核查的环节：%3）。仍要打开%2环节的清单吗？</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="282" />
        <source>Cannot open the checklist</source>
        <translation>无法打开核查清单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="306" />
        <source>Waiting for review: %1 · Returned: %2</source>
        <translation>待审核 %1 · 被退回 %2</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="316" />
        <location filename="../../riskdesk/ui/main_window.py" line="320" />
        <source>Checklist upgraded</source>
        <translation>清单已升级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="321" />
        <source>%1 answer(s) carried over. %2 changed point(s) need a fresh look: %3</source>
        <translation>已保留 %1 项核查结果。%2 项有变化的风险点需要重新核查：%3</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="340" />
        <source>Reviewer: %1 · %2</source>
        <translation>承办人：%1 · %2</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="361" />
        <source>Database damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="369" />
        <source>RiskDesk %1
Catalog %2 (%3)
Database: %4</source>
        <translation>RiskDesk %1
风险点目录 %2（%3）
数据库：%4</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="384" />
        <source>Note not saved</source>
        <translation>备注未保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="385" />
        <source>The note you typed could not be saved. Quit anyway and lose it?</source>
        <translation>您输入的备注未能保存。仍要退出并放弃它吗？</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="43" />
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="63" />
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="65" />
        <source>Cause of action</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="67" />
        <location filename="../../riskdesk/ui/case_dialog.py" line="93" />
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="69" />
        <source>Judge in charge</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="71" />
        <source>YYYY-MM-DD (optional)</source>
        <translation>YYYY-MM-DD（可不填）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="72" />
        <location filename="../../riskdesk/ui/case_dialog.py" line="95" />
        <source>Filing date</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="75" />
        <location filename="../../riskdesk/ui/case_dialog.py" line="96" />
        <source>Division</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="82" />
        <location filename="../../riskdesk/ui/case_dialog.py" line="97" />
        <source>Procedure (程序)</source>
        <translation>程序</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="84" />
        <source>Case No. of the first instance or of the title enforced (optional)</source>
        <translation>原审案号或执行依据案号（可不填）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="85" />
        <source>Origin case number</source>
        <translation>原审案号或执行依据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="90" />
        <source>Case No. *</source>
        <translation>案号 *</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="92" />
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="94" />
        <source>Judge</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="147" />
        <source>Will be saved as %1 — %2; checklists: %3</source>
        <translation>将保存为 %1（%2；核查环节：%3）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="158" />
        <source>— not set —</source>
        <translation>— 未设置 —</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="51" />
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="52" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="98" />
        <source>Origin / title enforced</source>
        <translation>原审/执行依据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="104" />
        <source>Link to %1:</source>
        <translation>与 %1 关联：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="106" />
        <source>None</source>
        <translation>不关联</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="106" />
        <source>Application for enforcement</source>
        <translation>申请执行</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="106" />
        <source>Appeal</source>
        <translation>上诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="124" />
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/case_dialog.py" line="132" />
        <source>Format: (year) court code + type code + serial + 号</source>
        <translation>格式：（年度）法院代字 + 类型代字 + 编号 + 号</translation>
    </message>
</context>
<context>
    <name>PasswordPairDialog</name>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="43" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="43" />
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="47" />
        <source>Password (at least 8 characters)</source>
        <translation>密码（至少 8 个字符）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="48" />
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="49" />
        <source>The user must change this password at the next login.</source>
        <translation>用户下次登录时须修改此密码。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="55" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="56" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="67" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PeriodSelector</name>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="44" />
        <location filename="../../riskdesk/ui/stats_controls.py" line="52" />
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="44" />
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="44" />
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="45" />
        <source>Custom months</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="47" />
        <source>Kind of period</source>
        <translation>统计期间类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="55" />
        <source>Quarter %1</source>
        <translation>第%1季度</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="64" />
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="73" />
        <location filename="../../riskdesk/ui/print_dialog.py" line="165" />
        <source>Print / Export</source>
        <translation>打印 / 导出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="78" />
        <source>Which document?</source>
        <translation>打印或导出哪份文书？</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="80" />
        <source>Risk warnings and operating guidance — %1</source>
        <translation>《%1环节风险提示与操作指引》</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="81" />
        <source>Risk warnings and operating guidance — all three stages</source>
        <translation>立案、审判、执行三个环节的《风险提示与操作指引》</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="82" />
        <source>Blank paper checklist — %1</source>
        <translation>%1环节空白核查清单（纸质填写用）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="83" />
        <source>Checklist report of this case (all stages started)</source>
        <translation>本案风险核查报告（已开始核查的各环节）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="94" />
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="95" />
        <source>Open in PDF viewer</source>
        <translation>用 PDF 阅读器打开</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="96" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="97" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="133" />
        <location filename="../../riskdesk/ui/print_dialog.py" line="196" />
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="150" />
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="157" />
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="159" />
        <source>Save the PDFs into</source>
        <translation>选择保存 PDF 的文件夹</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="164" />
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/print_dialog.py" line="164" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QueueDialog</name>
    <message>
        <location filename="../../riskdesk/ui/queue_dialog.py" line="21" />
        <source>Waiting for review</source>
        <translation>待审核清单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/queue_dialog.py" line="21" />
        <source>Returned checklists</source>
        <translation>被退回的清单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/queue_dialog.py" line="24" />
        <source>Case No.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/queue_dialog.py" line="24" />
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/queue_dialog.py" line="24" />
        <source>Judge</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/queue_dialog.py" line="25" />
        <source>Submitted by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/queue_dialog.py" line="25" />
        <source>Returned by</source>
        <translation>退回人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/queue_dialog.py" line="26" />
        <source>Since</source>
        <translation>时间</translation>
    </message>
    <message numerus="yes">
        <location filename="../../riskdesk/ui/queue_dialog.py" line="41" />
        <source>%n checklist(s). Enter opens the selected one.</source>
        <translation>
            <numerusform>共 %n 份清单。按回车打开选中的清单。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/queue_dialog.py" line="43" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/queue_dialog.py" line="44" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="116" />
        <source>Reset the password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="30" />
        <source>Welcome to RiskDesk</source>
        <translation>欢迎使用 RiskDesk</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="30" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="35" />
        <source>Reviewer name</source>
        <translation>承办人姓名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="37" />
        <source>Court name</source>
        <translation>法院名称</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="38" />
        <source>e.g. 鄂尔多斯市东胜区人民法院</source>
        <translation>例如：鄂尔多斯市东胜区人民法院</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="47" />
        <source>Before you start: whose name goes on each answer, and which court is printed on the documents. Both can be changed later in Settings.</source>
        <translation>开始之前，请填写承办人姓名（记录在每一项核查结果上）和法院名称（印在打印文书上）。以后可在“设置”中修改。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="52" />
        <source>Reviewer (承办人) *</source>
        <translation>承办人 *</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="53" />
        <source>Court (法院名称) *</source>
        <translation>法院名称 *</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="56" />
        <source>This database is shared: answers are recorded against the account you logged in with; the court's name is set by the IT administrator.</source>
        <translation>这是共享数据库：核查结果记在您登录的账户名下；法院名称由信息技术管理员设置。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="62" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="63" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="73" />
        <source>Both names are needed.</source>
        <translation>两项都需要填写。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="86" />
        <source>New case (cursor in the case number; Enter creates it)</source>
        <translation>新建案件（光标在案号栏，回车即创建）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="87" />
        <source>Search cases</source>
        <translation>搜索案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="88" />
        <source>Filing / Trial / Enforcement checklist</source>
        <translation>立案 / 审判 / 执行清单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="89" />
        <source>Previous / next risk point</source>
        <translation>上一个 / 下一个风险点</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="90" />
        <source>No risk — saved, next point</source>
        <translation>无风险——保存并转到下一项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="91" />
        <source>Risk found — saved, next point</source>
        <translation>存在风险——保存并转到下一项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="92" />
        <source>Not applicable — saved, next point</source>
        <translation>不适用——保存并转到下一项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="93" />
        <source>Back to unreviewed — saved, next point</source>
        <translation>改回未核查——保存并转到下一项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="94" />
        <source>Next unreviewed point</source>
        <translation>下一个未核查的风险点</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="95" />
        <source>Edit the note (saved as you type)</source>
        <translation>编辑备注（边输入边保存）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="96" />
        <source>Rectification item: make one for a risk found (also right after answering 2), or open the point's</source>
        <translation>整改项：为存在风险的风险点建立整改项（按 2 之后也可直接按 Z），或打开该风险点已有的整改项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="98" />
        <source>From the note: back to the checklist; from the checklist: back to the case list</source>
        <translation>在备注中：返回清单；在清单中：返回案件列表</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="99" />
        <source>In the case list: open the case where you left off</source>
        <translation>在案件列表中：打开案件并回到上次的位置</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="100" />
        <source>Print / export PDF</source>
        <translation>打印 / 导出 PDF</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="101" />
        <source>Statistics (Enter drills down from a stage to its nodes and points, Backspace goes up)</source>
        <translation>统计（Enter 从环节下钻到流程节点和风险点，Backspace 返回上一级）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="103" />
        <source>Rectification ledger (type to search, Enter opens an item, Esc closes)</source>
        <translation>整改台账（直接输入即搜索，Enter 打开整改项，Esc 关闭）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="105" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="106" />
        <source>This keyboard map</source>
        <translation>本快捷键表</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="107" />
        <source>Quit (everything is already saved)</source>
        <translation>退出（所有内容均已保存）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="114" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="123" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SignoffActions</name>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="35" />
        <source>&amp;Submit for review…</source>
        <translation>提交审核(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="36" />
        <source>&amp;Withdraw submission…</source>
        <translation>撤回提交(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="37" />
        <source>&amp;Approve…</source>
        <translation>审核通过(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="38" />
        <source>&amp;Return with a comment…</source>
        <translation>退回并写明意见(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="39" />
        <source>Checklists waiting for review…</source>
        <translation>待审核清单…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="41" />
        <source>Returned checklists…</source>
        <translation>被退回的清单…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="61" />
        <source>Your name (recorded with this step):</source>
        <translation>您的姓名（随本次操作记录）：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="71" />
        <location filename="../../riskdesk/ui/signoff_actions.py" line="82" />
        <location filename="../../riskdesk/ui/signoff_actions.py" line="105" />
        <location filename="../../riskdesk/ui/signoff_actions.py" line="135" />
        <location filename="../../riskdesk/ui/signoff_actions.py" line="142" />
        <source>Sign-off</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="82" />
        <source>Open a case's checklist first.</source>
        <translation>请先打开一个案件的核查清单。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="89" />
        <source>Submit for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="97" />
        <source>Withdraw submission</source>
        <translation>撤回提交</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="109" />
        <source>Changed since it was returned:</source>
        <translation>退回后修改的内容：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="111" />
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="111" />
        <source>Return with a comment</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="112" />
        <source>Comment (optional):</source>
        <translation>审核意见（可不填）：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signoff_actions.py" line="112" />
        <source>What must be changed:</source>
        <translation>需要修改的内容：</translation>
    </message>
</context>
<context>
    <name>StageTabs</name>
    <message>
        <location filename="../../riskdesk/ui/stage_tabs.py" line="17" />
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message numerus="yes">
        <location filename="../../riskdesk/ui/stage_tabs.py" line="68" />
        <source>%n risk(s)</source>
        <translation>
            <numerusform>%n 项存在风险</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stage_tabs.py" line="70" />
        <source>complete</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>StatsChart</name>
    <message>
        <location filename="../../riskdesk/ui/stats_charts.py" line="45" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_charts.py" line="63" />
        <source>Risk found (rate)</source>
        <translation>存在风险（风险率）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_charts.py" line="64" />
        <source>Risk rate % (risk found / answered yes or no)</source>
        <translation>风险率 %（存在风险 ÷ 无风险与存在风险之和）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_charts.py" line="65" />
        <source>Points answered</source>
        <translation>已作答风险点</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_charts.py" line="90" />
        <source>No figures for this period and scope.</source>
        <translation>该期间和范围内没有统计数据。</translation>
    </message>
</context>
<context>
    <name>StatsTableModel</name>
    <message>
        <location filename="../../riskdesk/ui/models/stats_table_model.py" line="44" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/stats_table_model.py" line="45" />
        <source>Checklists</source>
        <translation>检查单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/stats_table_model.py" line="46" />
        <source>Answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/stats_table_model.py" line="47" />
        <source>Risk found</source>
        <translation>存在风险</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/stats_table_model.py" line="48" />
        <source>No risk</source>
        <translation>无风险</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/stats_table_model.py" line="49" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/stats_table_model.py" line="50" />
        <source>Exempt by case type</source>
        <translation>按类型免查</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/models/stats_table_model.py" line="51" />
        <source>Risk rate</source>
        <translation>风险率</translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="58" />
        <source>Your own cases</source>
        <translation>本人承办案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="64" />
        <source>Scope</source>
        <translation>统计范围</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="68" />
        <source>Risk found</source>
        <translation>存在风险</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="68" />
        <source>Risk rate</source>
        <translation>风险率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="69" />
        <source>Points answered</source>
        <translation>已作答风险点</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="74" />
        <source>S&amp;tages</source>
        <translation>环节(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="74" />
        <source>&amp;Divisions</source>
        <translation>庭室(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="75" />
        <source>&amp;Months</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="75" />
        <source>&amp;Judges</source>
        <translation>承办人(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="83" />
        <source>Top &amp;risk points</source>
        <translation>高发风险点(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="87" />
        <source>Export &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="88" />
        <source>&amp;Bulletin PDF…</source>
        <translation>通报 PDF(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="106" />
        <source>&amp;Period:</source>
        <translation>统计期间(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="106" />
        <source>&amp;Scope:</source>
        <translation>范围(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="112" />
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="116" />
        <source>C&amp;harts show:</source>
        <translation>图表显示(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="123" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="138" />
        <location filename="../../riskdesk/ui/stats_window.py" line="158" />
        <source>Whole court</source>
        <translation>全院</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="139" />
        <location filename="../../riskdesk/ui/stats_window.py" line="153" />
        <location filename="../../riskdesk/ui/stats_window.py" line="194" />
        <location filename="../../riskdesk/ui/stats_window.py" line="211" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="159" />
        <source>Statistics — %1 · %2</source>
        <translation>统计 — %1 · %2</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="169" />
        <source>Checklists count in the month they were started. Risk rate = risk found ÷ (no risk + risk found); not applicable and exempt points are not part of it.</source>
        <translation>检查单按开始核查的月份统计。风险率 = 存在风险 ÷（无风险 + 存在风险）；不适用和按类型免查的风险点不计入。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="171" />
        <source>Only the cases your account may read are counted.</source>
        <translation>只统计您的账户可查看的案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="179" />
        <source>MMM yy</source>
        <translation>yy年M月</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="187" />
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="210" />
        <location filename="../../riskdesk/ui/stats_window.py" line="218" />
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="212" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="223" />
        <location filename="../../riskdesk/ui/stats_window.py" line="226" />
        <location filename="../../riskdesk/ui/stats_window.py" line="232" />
        <source>Statistics bulletin</source>
        <translation>统计通报</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="227" />
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>TopPoints</name>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="183" />
        <source>Most frequent risk points</source>
        <translation>高发风险点</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="186" />
        <source>Guidance</source>
        <translation>操作指引</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="191" />
        <source>&amp;Most frequent risk points</source>
        <translation>高发风险点(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="206" />
        <source>%1. %2 %3 — risk found %4 (rate %5)</source>
        <translation>%1. %2 %3 — 存在风险 %4 次（风险率 %5）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="222" />
        <source>The catalog gives no guidance for this point.</source>
        <translation>目录中没有该风险点的操作指引。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/stats_controls.py" line="224" />
        <source>Risk found %1 time(s); risk rate %2</source>
        <translation>存在风险 %1 次；风险率 %2</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="133" />
        <location filename="../../riskdesk/ui/users_dialog.py" line="170" />
        <location filename="../../riskdesk/ui/users_dialog.py" line="171" />
        <location filename="../../riskdesk/ui/users_dialog.py" line="210" />
        <location filename="../../riskdesk/ui/users_dialog.py" line="216" />
        <source>Users and divisions</source>
        <translation>用户和庭室</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="136" />
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="136" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="136" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="136" />
        <source>Division</source>
        <translation>庭室</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="137" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="143" />
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="147" />
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="148" />
        <location filename="../../riskdesk/ui/users_dialog.py" line="198" />
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="149" />
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="150" />
        <source>Add division…</source>
        <translation>添加庭室…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="153" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="179" />
        <source>Divisions: %1</source>
        <translation>庭室：%1</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="184" />
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="186" />
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="187" />
        <source>Must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="187" />
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="197" />
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="217" />
        <source>The new password is set and the account unlocked. %1 must change it at the next login.</source>
        <translation>新密码已设置，账户已解除锁定。%1 下次登录时须修改密码。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="222" />
        <location filename="../../riskdesk/ui/users_dialog.py" line="224" />
        <source>Add division</source>
        <translation>添加庭室</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/users_dialog.py" line="222" />
        <source>Name of the division:</source>
        <translation>庭室名称：</translation>
    </message>
</context>
<context>
    <name>win</name>
    <message>
        <location filename="../../riskdesk/ui/stats_window.py" line="238" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
</context>
</TS>