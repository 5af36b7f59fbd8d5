import { DomUtils, parseDocument } from "htmlparser2";
import { escapeAttribute, escapeText } from "./plain-text";

type Node = ReturnType<typeof parseDocument>["children"][number];
type Element = Extract<Node, { name: string; attribs: Record<string, string> }>;

/** Structure worth keeping from a pasted or converted document; anything else is unwrapped to its content. */
const KEEP = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "strong", "b", "em", "i", "u", "br"]);
/** Elements whose content is no text of the document. */
const DROP = new Set(["head", "style", "script", "title", "meta", "link", "xml", "template", "noscript", "iframe", "object", "svg", "img"]);
const ATTRIBUTES = new Set(["href", "colspan", "rowspan"]);
const VOID = new Set(["br"]);
const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "div", "br", "body", "html"]);

/** Word's list paragraph: `style="mso-list:l0 level2 lfo1"`; its number or bullet sits in a `mso-list:Ignore` span. */
const LIST_STYLE = /mso-list:\s*(l\d+)\s+level(\d+)/i;
const MARKER_STYLE = /mso-list:\s*ignore/i;
/** A marker that counts (1. 一、 (2) a) iv.) makes a numbered list; a bullet (· § o ■) does not. */
const NUMBERED = /^[(（]?(\d+|[a-z]|[ivxlcdm]+|[一二三四五六七八九十百]+)[.)）、．]/i;

/** Word wraps its HTML source at about 80 columns; a wrap between two Chinese characters is no space. */
const CJK_WRAP = /([\u3000-\u9fff\uff00-\uffef])[ \t]*\r?\n[ \t]*(?=[\u3000-\u9fff\uff00-\uffef])/g;

const isElement = (n: Node): n is Element => "name" in n;
const isText = (n: Node): n is Extract<Node, { type: "text" }> => n.type === "text";
const styleOf = (e: Element) => e.attribs.style ?? "";
const isListParagraph = (n: Node): n is Element => isElement(n) && n.name === "p" && LIST_STYLE.test(styleOf(n));
const isBlank = (n: Node) => isText(n) && !n.data.trim();

function attributes(e: Element): string {
  return Object.entries(e.attribs)
    .filter(([k]) => ATTRIBUTES.has(k))
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join("");
}

function marker(e: Element): string {
  const span = DomUtils.findOne((n) => MARKER_STYLE.test(n.attribs.style ?? ""), e.children, true);
  return span ? DomUtils.textContent(span).replace(/\s+/g, "").trim() : "";
}

function element(e: Element): string {
  // Namespaced Office markup (o:p, v:shape, w:sdt) carries layout, never text of its own.
  if (e.name.includes(":") || DROP.has(e.name) || MARKER_STYLE.test(styleOf(e))) return "";
  const inner = children(e.children);
  if (!KEEP.has(e.name)) return inner;
  if (VOID.has(e.name)) return `<${e.name}>`;
  return `<${e.name}${attributes(e)}>${inner}</${e.name}>`;
}

/** Consecutive Word list paragraphs as nested lists, by their `levelN`. */
function list(items: Element[]): string {
  let out = "";
  const open: string[] = [];
  let listId = "";
  for (const p of items) {
    const [, id, depth] = LIST_STYLE.exec(styleOf(p))!;
    // Another list of the document (l1 after l0) starts afresh, however it follows.
    if (Number(depth) === 1 && id !== listId) while (open.length) out += `</li></${open.pop()}>`;
    if (Number(depth) === 1) listId = id!;
    const level = Math.min(Number(depth), open.length + 1);
    while (open.length > level) out += `</li></${open.pop()}>`;
    if (open.length === level) out += "</li>";
    else {
      const tag = NUMBERED.test(marker(p)) ? "ol" : "ul";
      out += `<${tag}>`;
      open.push(tag);
    }
    out += `<li>${children(p.children)}`;
  }
  while (open.length) out += `</li></${open.pop()}>`;
  return out;
}

function children(nodes: Node[]): string {
  let out = "";
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (isListParagraph(n)) {
      const run: Element[] = [n];
      let j = i + 1;
      for (; j < nodes.length; j++) {
        const next = nodes[j]!;
        if (isListParagraph(next)) run.push(next);
        else if (!isBlank(next)) break;
      }
      out += list(run);
      i = j - 1;
    } else if (isElement(n)) out += element(n);
    // Line breaks of the HTML source between blocks are no text of the document.
    else if (isBlank(n) && [nodes[i - 1], nodes[i + 1]].some((s) => !s || (isElement(s) && BLOCKS.has(s.name)))) continue;
    else if (isText(n)) out += escapeText(n.data.replace(CJK_WRAP, "$1"));
    // Comments, Word's conditional comments (<![if !supportLists]>) and declarations are dropped.
  }
  return out;
}

/**
 * HTML pasted from Word or WPS (or converted from a document) reduced to its structure: classes,
 * styles, Office namespaces and conditional comments go, Word's list paragraphs become real lists,
 * tables keep their spans. Runs in the browser (the editor's paste) and on the server (the sanitiser).
 */
export function cleanOfficeHtml(html: string): string {
  return children(parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true }).children);
}
