import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { untranslated } from "./keys";

export interface Overflow {
  /** How far the document is wider than the window, in CSS pixels. */
  px: number;
  /** The elements that stick out (whose parent does not), widest first: "main > table.items (1944px)". */
  culprits: string[];
}

/**
 * Horizontal overflow of the document, and which elements cause it. An element inside a box that
 * scrolls or clips horizontally does not widen the page and is not named; a box whose unwrappable
 * text runs past the window is named with the start of that text.
 */
export async function overflowOf(page: Page): Promise<Overflow | null> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const px = document.documentElement.scrollWidth - width;
    if (px <= 0) return null;
    const describe = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3 && e !== document.body; e = e.parentElement) {
        const cls = [...e.classList].slice(0, 2).map((c) => `.${c}`).join("");
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${cls}`);
      }
      return parts.join(" > ");
    };
    const clipped = (el: Element) => {
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
        if (getComputedStyle(e).overflowX !== "visible") return true;
      }
      return false;
    };
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > width + 0.5;
    const found: { sel: string; right: number }[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      if (!sticksOut(el) || (el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement))) continue;
      if (clipped(el)) continue;
      found.push({ sel: describe(el), right: Math.round(el.getBoundingClientRect().right) });
    }
    // No box sticks out, but text that cannot wrap (a long word) runs past a box that fits: name that box and its text.
    if (!found.length) {
      for (const el of document.body.querySelectorAll("*")) {
        const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? "").join("").trim();
        const right = el.getBoundingClientRect().left + el.scrollWidth;
        if (text && right > width + 0.5 && getComputedStyle(el).overflowX === "visible" && !clipped(el)) found.push({ sel: `${describe(el)} "${text.slice(0, 40)}"`, right: Math.round(right) });
      }
    }
    // Nothing sticks out on its own (a wide box inside a parent that also sticks out, a margin):
    // name the widest elements instead.
    if (!found.length) {
      for (const el of document.body.querySelectorAll("*")) {
        if (sticksOut(el)) found.push({ sel: describe(el), right: Math.round(el.getBoundingClientRect().right) });
      }
    }
    found.sort((a, b) => b.right - a.right);
    return { px, culprits: found.slice(0, 3).map((f) => `${f.sel} (${f.right}px)`) };
  });
}

/** The visible words of the page: its text, title and the labels people hear or see on hover. */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    // What a page shows as a code (an audit event's code beside its name) is data, not a missed translation.
    let body = document.body.innerText;
    for (const c of document.querySelectorAll("code")) body = body.replace((c as HTMLElement).innerText, "");
    const parts = [document.title, body];
    for (const el of document.querySelectorAll("[aria-label],[placeholder],[title],img[alt],input[type=submit][value]")) {
      for (const a of ["aria-label", "placeholder", "title", "alt"]) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
      if (el instanceof HTMLInputElement && el.type === "submit") parts.push(el.value);
    }
    return parts.join("\n");
  });
}

export async function keysShown(page: Page, keys: Set<string>): Promise<string[]> {
  return untranslated(await visibleText(page), keys);
}

/**
 * The axe rules whose outcome can change when the same document is only laid out at another width
 * (what is drawn over what, how big a target is, what scrolls). Names, roles, labels and structure
 * are the same DOM at both widths, so the second width of a page runs only these.
 */
export const LAYOUT_RULES = ["color-contrast", "target-size", "scrollable-region-focusable", "link-in-text-block", "meta-viewport"];

/** The ids of serious and critical axe violations, with how many nodes each ("color-contrast×3 [td.x]"). */
export async function axeSerious(page: Page, rules?: string[]): Promise<string[]> {
  // Only violations come back: serialising every passing node is most of axe's time on a long page.
  let builder = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
  if (rules) builder = builder.withRules(rules);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}×${v.nodes.length} [${v.nodes[0]?.target.join(" ") ?? ""}]`);
}
