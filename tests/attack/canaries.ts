import { randomBytes, randomInt } from "node:crypto";
import { get, post, type Fields, type Reply, type Visitor } from "./client";
import type { AttackServer } from "./harness";
import { readPage, type Form } from "./html";

/** Unique strings planted in offices' private data: no reply to someone who may not read that office may contain one. */
export interface Canaries {
  /** canary → the office it was planted in and where. */
  where: Map<string, { office: string; what: string }>;
  /** Pages on which the office's own staff see them (the check that the canaries are real). */
  proofs: { username: string; path: string; canary: string }[];
}

const tag = () => `cnry${randomBytes(6).toString("hex")}`;

/** A valid 18-digit resident ID number (GB 11643 check character), random and so unique. */
function residentId(): string {
  const first17 = `110101${1970 + randomInt(40)}0${1 + randomInt(9)}1${randomInt(10)}${String(randomInt(1000)).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + "10X98765432"[sum % 11]!;
}

/** The page's values of a form, with some replaced, sent with one of its submit buttons. */
async function submitForm(server: AttackServer, visitor: Visitor, path: string, pick: (f: Form) => boolean, values: Record<string, string>, intent: string): Promise<Reply> {
  const page = await get(server.baseUrl, path, visitor);
  const form = readPage(page.body).forms.find(pick);
  if (!form) throw new Error(`attack: no form to plant canaries with on ${path} (${page.status})`);
  const fields: Fields = form.fields.filter((f) => f.sent && f.kind !== "file" && f.name !== "_csrf" && !(f.name in values)).map((f) => [f.name, f.value]);
  for (const [k, v] of Object.entries(values)) fields.push([k, v]);
  const submitter = form.submitters.find((s) => s.value === intent);
  if (submitter) fields.push([submitter.name, submitter.value]);
  return post(server.baseUrl, form.action || path, visitor, fields, form.multipart);
}

/** Where a successful submission went (a redirect), or "" when it answered with its confirmation page. */
function planted(reply: Reply, what: string): string {
  const alerts = readPage(reply.body).alerts;
  if (reply.status === 302 || reply.status === 303) return new URL(reply.headers.location!, "http://x").pathname;
  if (reply.status === 200 && alerts.length === 0) return "";
  throw new Error(`attack: planting ${what} failed (${reply.status}): ${alerts.join(" | ")}`);
}

/**
 * Plants canaries through an office's own pages, as its staff and a citizen would: a saved draft
 * and a draft sent for approval (disclosure), and an application with personal data (requests).
 * This is also the office's work in progress that the crawl then finds (document pages with their
 * decision forms, the draft editor). A new plugin's data is covered by the write checks; add its
 * private data here.
 */
export async function plantCanaries(server: AttackServer, office: string, staff: string, today: string, into: Canaries): Promise<void> {
  const mark = (c: string, what: string) => (into.where.set(c, { office, what }), c);
  const drafter: Visitor = { session: await server.sessionOf(`${staff}.drafter`), locale: "zh-CN" };
  const editor = `/t/${office}/admin/disclosure/new`;
  const hasTitle = (f: Form) => f.fields.some((x) => x.name === "title");

  for (const intent of ["save", "submit"]) {
    const title = mark(tag(), `disclosure draft title (${intent})`);
    const body = mark(tag(), `disclosure draft body (${intent})`);
    const values = { title: `草稿 ${title}`, body: `<p>正文 ${body}</p>`, categoryKey: "proactive", topic: "综合政务", writtenOn: today, formedOn: today };
    const path = planted(await submitForm(server, drafter, editor, hasTitle, values, intent), `a ${intent}d draft in ${office}`);
    into.proofs.push({ username: `${staff}.drafter`, path, canary: title });
  }

  const citizen: Visitor = { session: null, locale: "zh-CN" };
  const person = {
    name: mark(`金丝雀${"甲乙丙丁戊己庚辛壬癸"[randomInt(10)]}${"子丑寅卯辰巳午未申酉"[randomInt(10)]}${"东南西北"[randomInt(4)]}`, "applicant name"),
    idNumber: mark(residentId(), "applicant ID number"),
    phone: mark(`139${String(randomInt(1e8)).padStart(8, "0")}`, "applicant phone"),
    address: mark(tag(), "applicant address"),
    subject: mark(tag(), "application subject"),
    description: mark(tag(), "application description"),
  };
  const apply = `/t/${office}/requests/new`;
  const values = { ...person, applicantType: "natural", idType: "resident_id", form: "electronic", delivery: "email", email: `${tag()}@example.cn` };
  planted(await submitForm(server, citizen, apply, (f) => f.fields.some((x) => x.name === "idNumber"), values, "submit"), `an application in ${office}`);
  into.proofs.push({ username: `${staff}.requests_officer`, path: `/t/${office}/admin/requests`, canary: person.subject });
}

/** The canaries a reply carries from offices the reader may not read (none, unless it leaks). */
export function leakedIn(canaries: Canaries, body: string, readable: readonly string[]): string[] {
  const out: string[] = [];
  for (const [c, { office, what }] of canaries.where) if (!readable.includes(office) && body.includes(c)) out.push(`${office} ${what}`);
  return out;
}
