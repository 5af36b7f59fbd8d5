import { createContext, useContext } from "react";

/** True inside an office's public site layout: `PublicLayout` then renders only its children, the frame being there already. */
export const InPublicSite = createContext(false);

export function useInPublicSite(): boolean {
  return useContext(InPublicSite);
}
