import { pluginLoader } from "../../../../app/plugin-api/loaders.server";

// Placeholder while the page is built this session.
export const loader = pluginLoader(async () => null);

export default function Placeholder() {
  return null;
}
