import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { PANEL_PLACEMENT_KEY, SIDE_PANEL_PLACEMENT } from '../messaging/panel-frame';

/*
 * Where the rep sees Baton (options page, "Where Baton shows"): docked beside the CRM page, or in
 * the browser's own side panel with nothing on the CRM page. Per browser profile, so per rep. The
 * content script reads the same key without zod (lib/messaging/panel-frame.ts, 4 kB budget).
 */
export const panelPlacementSchema = z.enum(['page', SIDE_PANEL_PLACEMENT]);
export type PanelPlacement = z.infer<typeof panelPlacementSchema>;

const placementItem = storage.defineItem<unknown>(`local:${PANEL_PLACEMENT_KEY}`, { fallback: null });

export function parsePanelPlacement(raw: unknown): PanelPlacement {
  const parsed = panelPlacementSchema.safeParse(raw);
  return parsed.success ? parsed.data : 'page';
}

export async function readPanelPlacement(): Promise<PanelPlacement> {
  return parsePanelPlacement(await placementItem.getValue());
}

export async function writePanelPlacement(placement: PanelPlacement): Promise<void> {
  await placementItem.setValue(panelPlacementSchema.parse(placement));
}

export function watchPanelPlacement(onChange: (placement: PanelPlacement) => void): () => void {
  return placementItem.watch((raw) => onChange(parsePanelPlacement(raw)));
}
