import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput, FileMeta, SubmitButton } from "../../../../../app/plugin-api/ui";
import type { SentNotice, TrackingView } from "../../../server/public/track.server";

/** Status, dates and the reply clock of one application, as its applicant may read them. */
export function TrackingResult({ view }: { view: TrackingView }) {
  const { t } = useTranslation("requests");
  const rows: [string, ReactNode][] = [
    ["public.track.trackingNo", view.trackingNo],
    ["public.track.status", <strong key="s">{t(`public.track.statuses.${view.status}`)}</strong>],
    ["public.track.applicant", view.applicant],
    ["public.track.subject", view.subject],
    ...(view.docNumber ? [["public.track.docNumber", view.docNumber] as [string, ReactNode]] : []),
    ["public.track.submittedOn", view.submittedOn],
    ["public.track.receivedOn", view.receivedOn ?? t(view.status === "closed" ? "public.track.withdrawnUnreceived" : "public.track.waitingReceipt")],
  ];
  if (view.supplementDue) rows.push(["public.track.supplementDue", view.supplementDue]);
  if (view.status === "closed") {
    if (view.outcome) rows.push(["public.track.outcome", t(`public.track.outcomes.${view.outcome}`)]);
    if (view.closedOn) rows.push(["public.track.closedOn", view.closedOn]);
  } else if (view.receivedOn) rows.push(["public.track.dueDate", view.dueDate ?? t("public.track.duePaused")]);
  if (view.clock) rows.push(["public.track.clock", view.clock]);
  return (
    <dl className="meta-table">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{t(label)}</dt>
          <dd className="document-text">{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** Every notice and letter sent, oldest first, in full, with any documents and files a reply released. */
export function NoticeList({ notices, keys, code }: { notices: SentNotice[]; keys: { trackingNo: string; queryCode: string }; code: string }) {
  const { t } = useTranslation("requests");
  return (
    <section aria-labelledby="notices">
      <h2 id="notices">{t("public.track.notices")}</h2>
      {notices.length === 0 ? (
        <p className="muted">{t("public.track.noNotices")}</p>
      ) : (
        notices.map((n) => (
          <article key={n.id} className="panel" aria-labelledby={`notice-${n.id}`}>
            <h3 id={`notice-${n.id}`}>{n.title || t(`public.track.noticeKinds.${n.kind}`)}</h3>
            <p className="muted">
              {t(`public.track.noticeKinds.${n.kind}`)} · {t("public.track.sentOn", { date: n.sentOn })}
            </p>
            <div className="document-text">{n.body}</div>
            {n.released.length > 0 && (
              <>
                <h4>{t("public.track.released")}</h4>
                {n.released.map((d, i) => (
                  <section key={i} className="panel" aria-label={d.title}>
                    <h5>{d.title}</h5>
                    <div className="document-text">{d.body}</div>
                  </section>
                ))}
              </>
            )}
            {n.files.length > 0 && <ReleasedFiles files={n.files} keys={keys} code={code} />}
          </article>
        ))
      )}
    </section>
  );
}

/**
 * The reply's files, each a download sent with the tracking number and query code: a plain form
 * posted by the browser itself (no script needed), so the file is saved, never shown in the page.
 */
function ReleasedFiles({ files, keys, code }: { files: SentNotice["files"]; keys: { trackingNo: string; queryCode: string }; code: string }) {
  const { t } = useTranslation("requests");
  return (
    <>
      <h4>{t("replyFiles.public.title")}</h4>
      <ul className="stack">
        {files.map((f) => (
          <li key={f.id}>
            <form method="post" action={`/t/${code}/requests/track/file`} className="inline">
              <CsrfInput />
              <input type="hidden" name="trackingNo" value={keys.trackingNo} />
              <input type="hidden" name="queryCode" value={keys.queryCode} />
              <input type="hidden" name="file" value={f.id} />
              <SubmitButton className="button">
                {t("replyFiles.public.download", { name: f.name })}
              </SubmitButton>{" "}
              <FileMeta className="muted" mime={f.mime} name={f.name} size={f.size} />
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}
