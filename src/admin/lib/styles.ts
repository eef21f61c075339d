import type { CSSProperties } from "react"

/*
 * Layout that the plugin needs and the dashboard itself never uses, as inline styles.
 *
 * The host admin generates Tailwind CSS only for the class names it finds in its own sources,
 * @medusajs/ui and the plugins it can resolve from the admin bundler's folder. When a plugin is not
 * resolvable from there (the demo links it into its own node_modules; pnpm keeps packages apart),
 * classes such as `line-clamp-2`, `w-44` or `max-w-[240px]` have no CSS at all. Widths, clamping and
 * grids the plugin relies on are therefore set here instead of as plugin-only class names.
 */

/** Fixed width in px (content-box of the element it is set on). */
export const width = (px: number): CSSProperties => ({ width: px, minWidth: 0 })

/** One line, cut with an ellipsis when longer than the element's width. */
export const oneLine: CSSProperties = { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }

/**
 * At most `lines` lines, words wrapped at spaces (a single token longer than a line, e.g. a long
 * reference, breaks rather than widening the table), the rest cut with an ellipsis.
 */
export const clampLines = (lines: number): CSSProperties => ({
  display: "-webkit-box",
  WebkitLineClamp: lines,
  WebkitBoxOrient: "vertical",
  overflow: "hidden",
  whiteSpace: "normal",
  wordBreak: "normal",
  overflowWrap: "break-word",
})

/** Dialog forms: readable line length (Tailwind's max-w-lg). */
export const formWidth: CSSProperties = { width: "100%", maxWidth: 512 }

/**
 * CSS for a DataTable inside `[data-testid=testId]` that must fit its container: fixed table layout
 * (the columns' `size` is their width, content never widens the table) with column `fill` (1-based,
 * counting the select column) taking the width the others leave. Rendered in a <style> element:
 * rules for the table and header cells that @medusajs/ui's DataTable renders and the plugin cannot
 * give a style attribute.
 */
export const fittedTableCss = (testId: string, fill: number) =>
  `[data-testid="${testId}"] table { table-layout: fixed; }
[data-testid="${testId}"] thead th:nth-child(${fill}) { width: auto !important; }
[data-testid="${testId}"] thead th:first-child:has([role="checkbox"]) { width: ${SELECT_COLUMN_WIDTH}px; }`

// DataTable's select column (its own min/max width; a fixed layout needs the width itself)
const SELECT_COLUMN_WIDTH = 68
