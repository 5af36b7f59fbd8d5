import { parseDocument } from "htmlparser2";

type ChildNode = ReturnType<typeof parseDocument>["children"][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;

/** One control of a form, as the page filled it. */
export interface Field {
  name: string;
  /** input type (text, date, number, hidden, checkbox, radio, file, …), or select / textarea. */
  kind: string;
  value: string;
  /** select options or the values of a radio/checkbox group. */
  options: string[];
  multiple: boolean;
  /** Whether the browser would send it as the page is (unchecked boxes and disabled controls are not sent). */
  sent: boolean;
  /** The control's attributes (inputmode, pattern, tabindex, required, maxlength, …) of its first element. */
  attrs: Record<string, string>;
}

export interface Form {
  method: "GET" | "POST";
  /** The action as written (resolved against the page URL by the caller); "" means the page itself. */
  action: string;
  multipart: boolean;
  fields: Field[];
  /** Named submit buttons: each is one way to send the form (intent=save, intent=submit, …). */
  submitters: { name: string; value: string }[];
}

export interface Page {
  forms: Form[];
  links: string[];
  /** Texts of the messages shown as errors: role="alert", .error, .notice-error, the error page. */
  alerts: string[];
  lang: string | null;
}

function isElement(n: ChildNode): n is Element {
  return "attribs" in n;
}

function walk(nodes: ChildNode[], visit: (e: Element) => boolean | void) {
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (visit(n) === false) continue;
    walk(n.children, visit);
  }
}

function textOf(nodes: ChildNode[]): string {
  let out = "";
  for (const n of nodes) {
    if (n.type === "text" && "data" in n) out += n.data;
    else if (isElement(n) && n.name !== "script" && n.name !== "style") out += ` ${textOf(n.children)}`;
  }
  return out.replace(/\s+/g, " ").trim();
}

function rawText(nodes: ChildNode[]): string {
  return nodes.map((n) => (n.type === "text" && "data" in n ? n.data : "")).join("");
}

function optionValue(o: Element): string {
  return o.attribs.value ?? textOf(o.children);
}

function fieldsOf(form: Element): { fields: Field[]; submitters: Form["submitters"] } {
  const fields: Field[] = [];
  const submitters: Form["submitters"] = [];
  const groups = new Map<string, Field>();
  walk(form.children, (e) => {
    const name = e.attribs.name;
    const disabled = "disabled" in e.attribs;
    if (e.name === "button" || (e.name === "input" && ["submit", "image"].includes(e.attribs.type ?? ""))) {
      if (name && !disabled) submitters.push({ name, value: e.attribs.value ?? "" });
      return;
    }
    if (!name) return;
    if (e.name === "select") {
      const options: Element[] = [];
      walk(e.children, (o) => void (o.name === "option" && options.push(o)));
      const selected = options.find((o) => "selected" in o.attribs) ?? options[0];
      fields.push({ name, kind: "select", value: selected ? optionValue(selected) : "", options: options.map(optionValue), multiple: "multiple" in e.attribs, sent: !disabled, attrs: e.attribs });
      return false;
    }
    if (e.name === "textarea") {
      fields.push({ name, kind: "textarea", value: rawText(e.children), options: [], multiple: false, sent: !disabled, attrs: e.attribs });
      return false;
    }
    if (e.name !== "input") return;
    const kind = (e.attribs.type ?? "text").toLowerCase();
    if (kind === "reset" || kind === "button") return;
    if (kind === "radio" || kind === "checkbox") {
      const value = e.attribs.value ?? "on";
      const group = groups.get(`${kind}:${name}`);
      const checked = "checked" in e.attribs && !disabled;
      if (group) {
        group.options.push(value);
        if (checked && !group.sent) Object.assign(group, { value, sent: true });
        return;
      }
      const field: Field = { name, kind, value: checked ? value : "", options: [value], multiple: kind === "checkbox", sent: checked, attrs: e.attribs };
      groups.set(`${kind}:${name}`, field);
      fields.push(field);
      return;
    }
    fields.push({ name, kind, value: e.attribs.value ?? "", options: [], multiple: "multiple" in e.attribs, sent: !disabled, attrs: e.attribs });
  });
  return { fields, submitters };
}

const ALERT_CLASSES = /(^|\s)(error|notice-error|error-page)(\s|$)/;

/** Forms, links and error messages of an HTML page. */
export function readPage(html: string): Page {
  const doc = parseDocument(html);
  const page: Page = { forms: [], links: [], alerts: [], lang: null };
  walk(doc.children, (e) => {
    if (e.name === "html") page.lang = e.attribs.lang ?? null;
    if ((e.name === "a" || e.name === "link") && e.attribs.href) page.links.push(e.attribs.href);
    if (e.attribs.role === "alert" || ALERT_CLASSES.test(e.attribs.class ?? "")) {
      const text = textOf(e.children);
      if (text) page.alerts.push(text);
    }
    if (e.name === "form") {
      const method = (e.attribs.method ?? "get").toUpperCase() === "POST" ? "POST" : "GET";
      page.forms.push({ method, action: e.attribs.action ?? "", multipart: (e.attribs.enctype ?? "").includes("multipart"), ...fieldsOf(e) });
    }
  });
  return page;
}
