{
  "name": "__TITLE__",
  "nav": "__TITLE__",
  "title": "__TITLE__ notes",
  "list": "Notes",
  "body": "Text",
  "isPublic": "Public",
  "createdAt": "Created",
  "add": "Add",
  "saved": "Saved.",
  "empty": "No notes yet.",
  "yes": "Yes",
  "no": "No",
  "roles": { "recorder": "__TITLE__ recorder", "recorderHint": "Keeps the office's __TITLE__ notes." },
  "report": { "section": "__TITLE__ notes", "written": "Notes written this year", "writtenHow": "Counted by when each note was created, China time, within the year." },
  "widget": "Notes",
  "permissions": { "view": "See __TITLE__ notes", "manage": "Manage __TITLE__ notes" },
  "settings": { "publicIntro": "Public page introduction", "maxNotes": "Notes shown in the list" }
}
