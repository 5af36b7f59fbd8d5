{
  "name": "__TITLE__",
  "nav": "__TITLE__",
  "title": "__TITLE__ 記錄",
  "list": "記錄列表",
  "body": "內容",
  "isPublic": "對外公開",
  "createdAt": "建立時間",
  "add": "新增",
  "saved": "已儲存。",
  "empty": "暫無記錄。",
  "yes": "是",
  "no": "否",
  "roles": { "recorder": "__TITLE__ 記錄員", "recorderHint": "記錄和管理本單位的 __TITLE__ 記錄。" },
  "report": { "section": "__TITLE__ 記錄情況", "written": "本年新增記錄數", "writtenHow": "按記錄建立時間（北京時間）在本年內統計。" },
  "widget": "記錄數",
  "permissions": { "view": "檢視 __TITLE__ 記錄", "manage": "管理 __TITLE__ 記錄" },
  "settings": { "publicIntro": "公開頁面導語", "maxNotes": "列表顯示筆數" }
}
