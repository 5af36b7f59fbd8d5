import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { LocalizedLabel } from "../../../data/catalogue";
import { topicLabel } from "../../../data/topics";
import { useLocale } from "../../../../../app/plugin-api/ui";

export interface ItemMeta {
  indexNumber: string;
  categoryLabel: LocalizedLabel | null;
  issuer: string;
  writtenOn: string;
  publishedOn: string;
  docNumber: string | null;
  topic: string;
  validity: "valid" | "expired" | "repealed" | null;
  validFrom: string | null;
  endedOn: string | null;
  attribute: "proactive" | "on_request";
  summary: string | null;
}

/**
 * The metadata table official portals put above a document: 索引号, 发布机构, dates, 文号, 主题分类,
 * 有效性, 公开属性, 内容概述. A description list of label–value pairs: four columns (two pairs a row)
 * on a desktop as Chinese portals show it, one pair a row with the label over its value on a phone
 * and in 长者模式, so nothing is squeezed to one character per line or runs off the screen.
 */
export function ItemMetaTable({ item }: { item: ItemMeta }) {
  const { t } = useTranslation("disclosure");
  const locale = useLocale();
  const date = (d: string) => <time dateTime={d}>{d}</time>;
  const rows: [key: string, value: ReactNode | null][] = [
    ["indexNumber", item.indexNumber],
    ["category", item.categoryLabel?.[locale] ?? null],
    ["issuer", item.issuer],
    ["writtenOn", date(item.writtenOn)],
    ["publishedOn", date(item.publishedOn)],
    ["docNumber", item.docNumber],
    ["topic", topicLabel(item.topic, locale)],
    ["validity", item.validity && t(`validity.${item.validity}`)],
    ["validFrom", item.validFrom && date(item.validFrom)],
    ["endedOn", item.endedOn && date(item.endedOn)],
    ["attribute", t(`attribute.${item.attribute}`)],
    ["summary", item.summary],
  ];
  const shown = rows.filter(([, value]) => value !== null);
  // Two pairs a row on a desktop: the summary takes a whole row, and so does an odd pair left over.
  const pairs = shown.filter(([key]) => key !== "summary").length;
  const lastPaired = shown.findLastIndex(([key]) => key !== "summary");
  return (
    <section className="item-meta" aria-labelledby="item-meta-h">
      <h2 id="item-meta-h" className="visually-hidden">
        {t("portal.item.metaCaption")}
      </h2>
      <dl>
        {shown.map(([key, value], i) => (
          <div key={key} className={key === "summary" || (i === lastPaired && pairs % 2 === 1) ? "item-meta-wide" : undefined}>
            <dt>{t(`meta.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
