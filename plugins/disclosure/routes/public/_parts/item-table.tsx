import { Link } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ListedItem } from "../../../server/portal/page.server";

/** Items as a table: title (the row's header, a link) with its 内容概述 under it, 文号 and 发布日期, with a caption saying what is listed. */
export function ItemTable({ code, items, caption }: { code: string; items: ListedItem[]; caption: string }) {
  const { t } = useTranslation("disclosure");
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("meta.title")}</th>
            <th scope="col">{t("meta.docNumber")}</th>
            <th scope="col">{t("meta.publishedOn")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <Link to={`/t/${code}/disclosure/items/${i.id}`}>{i.title}</Link>
                {i.validity && i.validity !== "valid" && <span className="badge">{t(`validity.${i.validity}`)}</span>}
                {i.summary && <p className="hint">{i.summary}</p>}
              </th>
              <td>{i.docNumber ?? ""}</td>
              <td>
                <time dateTime={i.publishedOn}>{i.publishedOn}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
