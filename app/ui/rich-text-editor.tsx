import { TableKit } from "@tiptap/extension-table";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useRef, useState, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { plainTextToHtml } from "~/core/rich-text/plain-text";
import { cleanOfficeHtml } from "~/core/rich-text/word-paste";

/** What the submitted field holds: typed text (the textarea, without JavaScript) or the editor's HTML. */
export type RichTextFormat = "plain" | "html";

const LINK = /^(https?:\/\/|mailto:)/i;

/** Only what the stored form keeps (see core/rich-text/sanitize): no code, quotes, rules or strike. */
const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    blockquote: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    link: { openOnClick: false, autolink: true, defaultProtocol: "https", isAllowedUri: (url) => LINK.test(url) },
  }),
  TableKit.configure({ table: { resizable: false } }),
];

type Props = {
  id: string;
  name: string;
  /** The hidden field saying which format was submitted. */
  formatName: string;
  defaultValue: string;
  defaultFormat: RichTextFormat;
  /** The visible label's id: the editor is named by it once it replaces the textarea. */
  labelId: string;
} & Pick<TextareaHTMLAttributes<HTMLTextAreaElement>, "rows" | "aria-describedby" | "aria-invalid">;

/**
 * Rich text with a textarea underneath: without JavaScript the textarea is the field (blank lines
 * make paragraphs); once hydrated, the TipTap editor replaces it and writes its HTML into it, and the
 * hidden format field says so. Pasting from Word or WPS keeps headings, lists and tables.
 */
export function RichTextEditor({ id, name, formatName, defaultValue, defaultFormat, labelId, ...area }: Props) {
  const area$ = useRef<HTMLTextAreaElement>(null);
  // State, not a ref: React writes an uncontrolled hidden input's defaultValue back on every render.
  const [format, setFormat] = useState<RichTextFormat>(defaultFormat);
  const [ready, setReady] = useState(false);
  const sync = (editor: Editor) => {
    if (area$.current) area$.current.value = editor.isEmpty ? "" : editor.getHTML();
    setFormat("html");
  };
  const editor = useEditor({
    extensions,
    immediatelyRender: false,
    // Its <style> element would be refused by the CSP; the rules are in styles.css.
    injectCSS: false,
    shouldRerenderOnTransaction: true,
    content: defaultFormat === "plain" ? plainTextToHtml(defaultValue) : defaultValue,
    editorProps: {
      attributes: {
        id: `${id}-editor`,
        class: "rich-text rich-text-editor-area",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(area["aria-describedby"] ? { "aria-describedby": area["aria-describedby"] } : {}),
        ...(area["aria-invalid"] ? { "aria-invalid": "true" } : {}),
      },
      transformPastedHTML: cleanOfficeHtml,
    },
    onCreate: ({ editor }) => {
      sync(editor);
      setReady(true);
    },
    onUpdate: ({ editor }) => sync(editor),
  });

  return (
    <div className="rich-text-editor" data-ready={ready ? "true" : undefined}>
      <input type="hidden" name={formatName} value={format} />
      {editor && ready && <Toolbar editor={editor} controls={`${id}-editor`} />}
      {editor && <EditorContent editor={editor} />}
      <textarea id={id} name={name} defaultValue={defaultValue} ref={area$} hidden={ready} {...area} />
    </div>
  );
}

function Toolbar({ editor, controls }: { editor: Editor; controls: string }) {
  const { t } = useTranslation();
  const chain = () => editor.chain().focus();
  const inTable = editor.isActive("table");
  const button = (key: string, run: () => unknown, active?: boolean) => (
    <button type="button" className="rich-text-tool" aria-pressed={active === undefined ? undefined : active} onClick={() => run()} key={key}>
      {t(`richText.tools.${key}`)}
    </button>
  );
  const link = () => {
    const current = editor.getAttributes("link").href as string | undefined;
    const url = window.prompt(t("richText.linkPrompt"), current ?? "https://");
    if (url === null) return;
    if (!url.trim()) chain().extendMarkRange("link").unsetLink().run();
    else if (LINK.test(url.trim())) chain().extendMarkRange("link").setLink({ href: url.trim() }).run();
    else window.alert(t("richText.linkRefused"));
  };
  return (
    <div role="toolbar" aria-label={t("richText.toolbar")} aria-controls={controls} className="rich-text-toolbar">
      <span role="group" aria-label={t("richText.groups.blocks")}>
        {button("paragraph", () => chain().setParagraph().run(), editor.isActive("paragraph"))}
        {([2, 3, 4] as const).map((level) => button(`h${level}`, () => chain().toggleHeading({ level }).run(), editor.isActive("heading", { level })))}
        {button("bulletList", () => chain().toggleBulletList().run(), editor.isActive("bulletList"))}
        {button("orderedList", () => chain().toggleOrderedList().run(), editor.isActive("orderedList"))}
      </span>
      <span role="group" aria-label={t("richText.groups.marks")}>
        {button("bold", () => chain().toggleBold().run(), editor.isActive("bold"))}
        {button("italic", () => chain().toggleItalic().run(), editor.isActive("italic"))}
        {button("underline", () => chain().toggleUnderline().run(), editor.isActive("underline"))}
        {button("link", link, editor.isActive("link"))}
      </span>
      <span role="group" aria-label={t("richText.groups.table")}>
        {button("table", () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}
        {inTable && button("addRow", () => chain().addRowAfter().run())}
        {inTable && button("addColumn", () => chain().addColumnAfter().run())}
        {inTable && button("deleteRow", () => chain().deleteRow().run())}
        {inTable && button("deleteColumn", () => chain().deleteColumn().run())}
        {inTable && button("deleteTable", () => chain().deleteTable().run())}
      </span>
      {button("undo", () => chain().undo().run())}
      {button("redo", () => chain().redo().run())}
    </div>
  );
}
