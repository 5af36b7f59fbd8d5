# __TITLE__ (`__ID__`)

Made with `npm run plugin:new __ID__`. Its whole surface is in `manifest.ts`: an admin page at
`/t/:tenant/admin/__ID__`, a public page at `/t/:tenant/__ID__`, the table `__TABLE___notes`
(row-level security forced), two permissions, a dashboard widget and per-tenant settings.
Replace the notes with what your module really does; see `plugins/README.md`.
