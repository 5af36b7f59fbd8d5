import { bodyText, renderBody } from "../html";
import type { Item } from "../items.server";
import { apiPath, portalPath } from "./head";

/** The fields every open-data row carries; names are stable English words (documented on the open-data page). */
export function itemSummaryJson(item: Item, origin: string, tenantCode: string, categoryLabel: string | null) {
  return {
    id: item.id,
    indexNumber: item.indexNumber,
    title: item.title,
    summary: item.summary,
    categoryKey: item.categoryKey,
    categoryLabel,
    issuer: item.issuer,
    docNumber: item.docNumber,
    writtenOn: item.writtenOn,
    publishedOn: item.publishedOn,
    topic: item.topic,
    attribute: item.attribute,
    validity: item.validity,
    validFrom: item.validFrom,
    endedOn: item.endedOn,
    status: item.status,
    version: item.version,
    updatedAt: new Date(item.updatedAt).toISOString(),
    interpretsId: item.interpretsId,
    url: origin + portalPath(tenantCode, `items/${item.id}`),
    apiUrl: origin + apiPath(tenantCode, `items/${item.id}`),
    attachments: item.attachments.map((a) => ({
      id: a.id,
      name: a.name,
      mime: a.mime,
      size: a.size,
      redacted: a.redacted === true,
      // A redacted file is not offered; its text, as published, is in the single-item answer.
      url: a.redacted ? null : origin + portalPath(tenantCode, `attachments/${a.id}`),
    })),
  };
}

/** One item in full: the summary plus its text and the interpretation links; a withdrawn item gives only its notice. */
export function itemDetailJson(
  item: Item,
  origin: string,
  tenantCode: string,
  categoryLabel: string | null,
  related: { interpretations: Item[]; policy: Item | null },
) {
  const link = (i: Item) => ({ id: i.id, title: i.title, indexNumber: i.indexNumber, url: origin + portalPath(tenantCode, `items/${i.id}`) });
  if (item.status === "withdrawn") {
    return {
      id: item.id,
      indexNumber: item.indexNumber,
      title: item.title,
      status: item.status,
      withdrawnOn: item.withdrawnOn,
      withdrawalReason: item.withdrawalReason,
      url: origin + portalPath(tenantCode, `items/${item.id}`),
    };
  }
  const summary = itemSummaryJson(item, origin, tenantCode, categoryLabel);
  // The body as the item page shows it (the one renderer), and its text a line per block.
  const bodyHtml = renderBody(item.bodyHtml);
  return {
    ...summary,
    bodyHtml,
    bodyText: bodyText(bodyHtml),
    attachments: summary.attachments.map((a, i) => (a.redacted ? { ...a, text: item.attachments[i]!.text } : a)),
    interpretations: related.interpretations.map(link),
    policy: related.policy && related.policy.status === "published" ? link(related.policy) : null,
  };
}
