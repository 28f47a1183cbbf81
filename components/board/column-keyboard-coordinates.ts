import type { KeyboardCoordinateGetter } from "@dnd-kit/core";

/**
 * Keyboard dragging jumps from column to column: left and right arrows move the lifted
 * card to the centre of the nearest column on that side. Columns that refuse the card are
 * not skipped: dropping there says why.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect || (event.code !== "ArrowRight" && event.code !== "ArrowLeft")) return undefined;
  event.preventDefault();
  const centre = collisionRect.left + collisionRect.width / 2;
  const direction = event.code === "ArrowRight" ? 1 : -1;
  let best: { left: number; top: number; width: number; distance: number } | undefined;
  for (const container of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(container.id);
    if (!rect) continue;
    const distance = (rect.left + rect.width / 2 - centre) * direction;
    if (distance > 1 && (!best || distance < best.distance)) best = { left: rect.left, top: rect.top, width: rect.width, distance };
  }
  if (!best) return undefined;
  return { x: best.left + best.width / 2 - collisionRect.width / 2, y: best.top + 48 };
};
