import { Container, createDataTableColumnHelper, DataTablePaginationState, Heading, StatusBadge, Text } from "@medusajs/ui"
import { type ReactNode, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { SyncRun, useSyncRuns } from "../../hooks/incoming-payments"
import { useNarrowerThan } from "../../hooks/narrow"
import { formatDate, formatDateTime } from "../../lib/format"
import { syncRunProblems } from "../../lib/import-messages"
import { PagedTable } from "../paged-table"
import { clampLines, oneLine } from "../../lib/styles"

const STATUS_COLORS = { running: "blue", succeeded: "green", partially_failed: "orange", failed: "red", skipped: "grey" } as const
const columnHelper = createDataTableColumnHelper<SyncRun>()
// below this container width (1 280 px windows and smaller) status, time frame and duration go
// under the start, the trigger and the counts instead of into columns of their own
const COMPACT_BELOW = 1120

/** The import history, 10 a page: trigger, time frame, counts, skips and errors, duration. */
export const SyncRunsTable = () => {
  const { t, i18n } = useTranslation()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: 10 })
  const { data, isLoading } = useSyncRuns(false, { offset: pagination.pageIndex * pagination.pageSize, limit: pagination.pageSize })
  const [containerRef, compact] = useNarrowerThan(COMPACT_BELOW)
  const columns = useMemo(() => {
    const status = (run: SyncRun) => <StatusBadge color={STATUS_COLORS[run.status]}>{t(`finapi.incomingPaymentsPage.runStatus.${run.status}`)}</StatusBadge>
    const trigger = (run: SyncRun) => (run.source === "file" ? t(`finapi.statements.triggers.${run.trigger}`) : t(`finapi.incomingPaymentsPage.triggers.${run.trigger}`))
    const window = (run: SyncRun) => run.file_name ?? timeFrame(run, i18n.language, t("finapi.incomingPaymentsPage.incremental"))
    const duration = (run: SyncRun) => (run.duration_ms === null ? "–" : seconds(run.duration_ms, i18n.language))
    const counts = (run: SyncRun) =>
      t("finapi.incomingPaymentsPage.countsValue", { fetched: run.fetched_count, imported: run.imported_count, known: run.duplicate_count, filtered: run.filtered_count })
    const below = (main: ReactNode, second: ReactNode) => (
      <div className="flex flex-col items-start gap-y-1">{main}<div className="text-ui-fg-subtle" style={{ ...oneLine, maxWidth: "100%" }}>{second}</div></div>
    )
    return [
      // the first column also has the row's left padding (24 px)
      columnHelper.accessor("started_at", {
        header: t("finapi.incomingPaymentsPage.started"),
        // "Nov 29, 2026, 10:49 PM" in one line
        size: 216,
        cell: ({ row, getValue }) => (compact ? below(formatDateTime(getValue(), i18n.language), status(row.original)) : formatDateTime(getValue(), i18n.language)),
      }),
      columnHelper.accessor("trigger", {
        header: compact ? `${t("finapi.incomingPaymentsPage.trigger")} · ${t("finapi.incomingPaymentsPage.timeFrame")}` : t("finapi.incomingPaymentsPage.trigger"),
        size: compact ? 208 : 184,
        cell: ({ row }) => (compact ? below(<Cut width={184} text={trigger(row.original)} />, <Cut width={184} text={window(row.original)} />) : <Cut width={160} text={trigger(row.original)} />),
      }),
      ...(compact ? [] : [
        columnHelper.accessor("status", { header: t("finapi.status"), size: 176, cell: ({ row }) => status(row.original) }),
        columnHelper.display({ id: "window", header: t("finapi.incomingPaymentsPage.timeFrame"), size: 176, cell: ({ row }) => <Cut width={152} text={window(row.original)} /> }),
      ]),
      columnHelper.display({
        id: "counts",
        // the header is longer than its figures: two lines ("Gelesen / neu /" over "bekannt / ausgelassen")
        header: () => <div style={{ ...clampLines(2), whiteSpace: "normal" }} title={t("finapi.incomingPaymentsPage.counts")}>{t("finapi.incomingPaymentsPage.counts")}</div>,
        size: 192,
        cell: ({ row }) => (compact ? below(counts(row.original), duration(row.original)) : counts(row.original)),
      }),
      ...(compact ? [] : [columnHelper.accessor("duration_ms", { header: t("finapi.incomingPaymentsPage.duration"), size: 80, cell: ({ row }) => duration(row.original) })]),
      columnHelper.display({
        id: "notes",
        header: t("finapi.message"),
        cell: ({ row }) => <div className="text-ui-fg-subtle" style={clampLines(2)} title={notes(row.original, t)}>{notes(row.original, t) || "–"}</div>,
      }),
    ]
  }, [t, i18n.language, compact])
  return (
    <Container ref={containerRef} className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("finapi.incomingPaymentsPage.history")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("finapi.incomingPaymentsPage.historyHint")}</Text>
      </div>
      <PagedTable
        testId="finapi-sync-runs"
        fill={compact ? 4 : 7}
        columns={columns}
        rows={data?.sync_runs ?? []}
        count={data?.count ?? 0}
        isLoading={isLoading}
        pagination={pagination}
        onPaginationChange={setPagination}
        empty={t("finapi.incomingPaymentsPage.noRuns")}
      />
    </Container>
  )
}

/** One line of at most `width` px, the full text on hover. */
const Cut = ({ text, width }: { text: string; width: number }) => (
  <div style={{ ...oneLine, maxWidth: width }} title={text}>
    {text}
  </div>
)

/** "2.2 s" / "2,2 s" */
function seconds(ms: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ms / 1000)} s`
}

function timeFrame(run: SyncRun, locale: string, incremental: string): string {
  if (!run.window_from && !run.window_to) {
    return incremental
  }
  return `${formatDate(run.window_from, locale)} – ${formatDate(run.window_to, locale)}`
}

function notes(run: SyncRun, t: (key: string, options?: Record<string, unknown>) => string): string {
  // a statement file's entries that are no incoming payment, by reason
  const leftOut = Object.entries(run.left_out ?? {}).map(([reason, count]) => t(`finapi.statements.leftOut.${reason}`, { count }))
  return [
    ...syncRunProblems(run, t),
    ...(leftOut.length ? [t("finapi.statements.leftOutList", { list: leftOut.join(", ") })] : []),
  ].join(" ")
}
