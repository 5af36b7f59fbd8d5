import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { LocalizedLabel } from "../../../data/catalogue";
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

/** The metadata table official portals put above a document: 索引号, 发布机构, dates, 文号, 主题分类, 有效性, 公开属性, 内容概述. */
export function ItemMetaTable({ item }: { item: ItemMeta }) {
  const { t } = useTranslation("disclosure");
  const locale = useLocale();
  const date = (d: string) => <time dateTime={d}>{d}</time>;
  const rows: [string, ReactNode | null][] = [
    [t("meta.indexNumber"), item.indexNumber],
    [t("meta.category"), item.categoryLabel?.[locale] ?? null],
    [t("meta.issuer"), item.issuer],
    [t("meta.writtenOn"), date(item.writtenOn)],
    [t("meta.publishedOn"), date(item.publishedOn)],
    [t("meta.docNumber"), item.docNumber],
    [t("meta.topic"), item.topic],
    [t("meta.validity"), item.validity && t(`validity.${item.validity}`)],
    [t("meta.validFrom"), item.validFrom && date(item.validFrom)],
    [t("meta.endedOn"), item.endedOn && date(item.endedOn)],
    [t("meta.attribute"), t(`attribute.${item.attribute}`)],
    [t("meta.summary"), item.summary],
  ];
  return (
    <table className="table">
      <caption>{t("portal.item.metaCaption")}</caption>
      <tbody>
        {rows.filter(([, value]) => value !== null).map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
