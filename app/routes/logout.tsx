import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordPlatformEvent } from "~/core/audit/record.server";
import { getAuth } from "~/core/auth/guards.server";

export function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { sessions, db } = context.services;
  const auth = await getAuth(request, context);
  if (auth) {
    await sessions.invalidate(auth.session.token);
    await recordPlatformEvent(db, {
      actor: { id: auth.user.id, name: auth.user.username },
      action: "auth.logout",
      ip: context.clientIp,
      requestId: context.requestId,
    });
  }
  return redirect("/", { headers: { "Set-Cookie": sessions.blankCookie(context.secureCookies) } });
}
