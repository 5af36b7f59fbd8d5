import type { PluginManifest } from "../../../app/plugin-api";

// Being built this session: annual report tables 三 and 四, and the oversight widgets.
export const reportFigures: NonNullable<PluginManifest["reportFigures"]> = [];
export const widgets: NonNullable<PluginManifest["widgets"]> = [];
