{
  "name": "__TITLE__",
  "nav": "__TITLE__",
  "title": "__TITLE__ 记录",
  "list": "记录列表",
  "body": "内容",
  "isPublic": "对外公开",
  "createdAt": "创建时间",
  "add": "添加",
  "saved": "已保存。",
  "empty": "暂无记录。",
  "yes": "是",
  "no": "否",
  "roles": { "recorder": "__TITLE__ 记录员", "recorderHint": "记录和管理本单位的 __TITLE__ 记录。" },
  "report": { "section": "__TITLE__ 记录情况", "written": "本年新增记录数", "writtenHow": "按记录创建时间（北京时间）在本年内统计。" },
  "widget": "记录数",
  "permissions": { "view": "查看 __TITLE__ 记录", "manage": "管理 __TITLE__ 记录" },
  "settings": { "publicIntro": "公开页面导语", "maxNotes": "列表显示条数" }
}
