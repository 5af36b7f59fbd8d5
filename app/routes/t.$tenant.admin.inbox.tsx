import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fixedT } from "~/core/i18n/locale.server";
import { requirePermission, requireStaff, withTenant } from "~/core/tenancy/staff.server";
import { chinaDate } from "~/core/calendar/china-time";
import { inboxOf } from "~/core/workflow/service.server";
import { pluginInboxSections, type InboxSection } from "~/plugin-host/inbox.server";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

/**
 * 收件箱: what waits for this user's decision here — documents whose current step needs a role
 * they hold, or that were reassigned to them — earliest due first, each opened to be decided: 同意
 * and 退回 are taken on the document page, after reading it, never from the list.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, context, params.tenant);
  requirePermission(ctx, "core.workspace.view");
  const t = await fixedT(context, request);
  const today = chinaDate(new Date());
  const [items, sections] = await Promise.all([withTenant(ctx, (trx) => inboxOf(trx, ctx)), pluginInboxSections(request, ctx)]);
  const calendar = context.services.calendar.calendar;
  return {
    title: t("workflow.inbox.title"),
    today,
    sections,
    items: items.map((i) => {
      const due = i.dueDate ? calendar.workdaysBetween(today, i.dueDate) : null;
      return {
        id: i.id,
        title: i.title,
        typeLabel: context.services.documentTypes.find(i.documentType)?.type.label ?? i.documentType,
        stepLabel: i.step.label ?? i.step.key,
        important: i.important,
        assignedToMe: i.assignedToMe,
        dueDate: i.dueDate,
        workdaysLeft: due?.value ?? null,
        unknownYear: (due?.unknownYears.length ?? 0) > 0,
        waitingSince: i.updatedAt.toISOString().slice(0, 10),
      };
    }),
  };
}

function Due({ dueDate, workdaysLeft, unknownYear }: { dueDate: string | null; workdaysLeft: number | null; unknownYear: boolean }) {
  const { t } = useTranslation();
  if (!dueDate || workdaysLeft === null) return <span className="muted">—</span>;
  const state =
    workdaysLeft < 0
      ? t("workflow.inbox.overdue", { count: -workdaysLeft })
      : workdaysLeft === 0
        ? t("workflow.inbox.dueToday")
        : t("workflow.inbox.daysLeft", { count: workdaysLeft });
  return (
    <>
      <time dateTime={dueDate}>{dueDate}</time>
      <br />
      {workdaysLeft <= 0 ? <strong>{state}</strong> : <span className="muted">{state}</span>}
      {unknownYear && (
        <>
          <br />
          <span className="muted">{t("workflow.inbox.unknownYear")}</span>
        </>
      )}
    </>
  );
}

/** A plugin's waiting work, e.g. applications whose reply is due soon, urgent ones in words and colour. */
function PluginSection({ section }: { section: InboxSection }) {
  const { t } = useTranslation();
  const headingId = `inbox-${section.key.replace(/\W/g, "-")}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(section.label)}</h2>
      {section.failed ? (
        <p className="notice notice-error">{t("workflow.inbox.sourceFailed")}</p>
      ) : section.entries.length === 0 ? (
        <p className="muted">{t("workflow.inbox.sourceEmpty")}</p>
      ) : (
        <ul className="inbox-entries">
          {section.entries.map((e) => (
            <li key={e.href}>
              <Link to={e.href}>{e.title}</Link>
              {e.dueDate && (
                <>
                  {" · "}
                  <time dateTime={e.dueDate}>{e.dueDate}</time>
                </>
              )}
              {" · "}
              <span className={e.urgency === "overdue" ? "urgent-overdue" : e.urgency === "due_soon" ? "urgent-due-soon" : "muted"}>{e.note}</span>
            </li>
          ))}
        </ul>
      )}
      {section.more > 0 && <p className="muted">{t("workflow.inbox.sourceMore", { count: section.more })}</p>}
    </section>
  );
}

export default function Inbox() {
  const { t } = useTranslation();
  const { items, sections } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("workflow.inbox.title")}</h1>
      <p className="muted">{t("workflow.inbox.intro")}</p>
      {items.length === 0 ? (
        <p className="notice notice-info">{t(sections.some((s) => s.entries.length) ? "workflow.inbox.noDocuments" : "workflow.inbox.empty")}</p>
      ) : (
        <TableScroll labelledBy="inbox-caption">
          <table className="table">
            <caption id="inbox-caption">{t("workflow.inbox.caption", { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("workflow.inbox.document")}</th>
                <th scope="col">{t("workflow.inbox.step")}</th>
                <th scope="col">{t("workflow.inbox.due")}</th>
                <th scope="col">{t("workflow.inbox.decide")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      <Link to={`../documents/${i.id}`} relative="path">
                        {i.title}
                      </Link>
                      {i.important && <span className="badge">{t("workflow.inbox.important")}</span>}
                      <br />
                      <span className="muted">
                        {t(i.typeLabel, { defaultValue: i.typeLabel })} · {t("workflow.inbox.waitingSince", { date: i.waitingSince })}
                      </span>
                    </th>
                    <td>
                      {t(i.stepLabel, { defaultValue: i.stepLabel })}
                      {i.assignedToMe && <span className="badge">{t("workflow.inbox.assignedToMe")}</span>}
                    </td>
                    <td>
                      <Due dueDate={i.dueDate} workdaysLeft={i.workdaysLeft} unknownYear={i.unknownYear} />
                    </td>
                    <td>
                      <Link to={`../documents/${i.id}`} relative="path" className="button primary" aria-label={t("workflow.inbox.openNamed", { title: i.title })}>
                        {t("workflow.inbox.open")}
                      </Link>
                    </td>
                  </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {sections.map((section) => (
        <PluginSection key={section.key} section={section} />
      ))}
    </>
  );
}
