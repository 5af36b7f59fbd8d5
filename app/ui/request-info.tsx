import { createContext, useContext } from "react";

/** Per-request facts the document needs while rendering: the CSP nonce and the request id shown on error pages. */
export interface RequestInfo {
  nonce: string;
  requestId: string;
}

export const RequestInfoContext = createContext<RequestInfo>({ nonce: "", requestId: "" });

export function useRequestInfo(): RequestInfo {
  return useContext(RequestInfoContext);
}
