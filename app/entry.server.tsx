import { PassThrough, Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { localeOf } from "./core/i18n/locale.server";
import { RequestInfoContext } from "./ui/request-info";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const i18n = loadContext.services.translators[await localeOf(request)];
  const { nonce, requestId } = loadContext;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <RequestInfoContext.Provider value={{ nonce, requestId }}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} abortDelay={ABORT_DELAY} />
        </RequestInfoContext.Provider>
      </I18nextProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          const clean = withoutNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          clean.pipe(body);
          pipe(clean);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) loadContext.services.logger.error({ err: error, requestId }, "render error");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return;
  context.services.logger.error({ err: error, requestId: context.requestId }, "unhandled error");
}

/**
 * React 18.3's stream can pad a chunk with NUL bytes where a multi-byte character meets a chunk
 * boundary (facebook/react#24985). NUL never occurs in valid HTML or inside a UTF-8 sequence,
 * so dropping every 0x00 byte is safe.
 */
function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, chunk.includes(0) ? chunk.filter((b) => b !== 0) : chunk);
    },
  });
}
