import { Container, createDataTableColumnHelper, DataTablePaginationState, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { SyncRun, useSyncRuns } from "../../hooks/incoming-payments"
import { formatDate, formatDateTime } from "../../lib/format"
import { PagedTable } from "../paged-table"

const STATUS_COLORS = { running: "blue", succeeded: "green", partially_failed: "orange", failed: "red", skipped: "grey" } as const
const columnHelper = createDataTableColumnHelper<SyncRun>()

/** The import history, 10 a page: trigger, time frame, counts, skips and errors, duration. */
export const SyncRunsTable = () => {
  const { t, i18n } = useTranslation()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: 10 })
  const { data, isLoading } = useSyncRuns(false, { offset: pagination.pageIndex * pagination.pageSize, limit: pagination.pageSize })
  const columns = useMemo(
    () => [
      columnHelper.accessor("started_at", { header: t("finapi.incomingPaymentsPage.started"), cell: ({ getValue }) => formatDateTime(getValue(), i18n.language) }),
      columnHelper.accessor("trigger", { header: t("finapi.incomingPaymentsPage.trigger"), cell: ({ row, getValue }) => (row.original.source === "file" ? t(`finapi.statements.triggers.${getValue()}`) : t(`finapi.incomingPaymentsPage.triggers.${getValue()}`)) }),
      columnHelper.accessor("status", {
        header: t("finapi.status"),
        cell: ({ getValue }) => <StatusBadge color={STATUS_COLORS[getValue()]}>{t(`finapi.incomingPaymentsPage.runStatus.${getValue()}`)}</StatusBadge>,
      }),
      columnHelper.display({ id: "window", header: t("finapi.incomingPaymentsPage.timeFrame"), cell: ({ row }) => row.original.file_name ?? timeFrame(row.original, i18n.language, t("finapi.incomingPaymentsPage.incremental")) }),
      columnHelper.display({
        id: "counts",
        header: t("finapi.incomingPaymentsPage.counts"),
        cell: ({ row }) =>
          t("finapi.incomingPaymentsPage.countsValue", {
            fetched: row.original.fetched_count,
            imported: row.original.imported_count,
            known: row.original.duplicate_count,
            filtered: row.original.filtered_count,
          }),
      }),
      columnHelper.accessor("duration_ms", { header: t("finapi.incomingPaymentsPage.duration"), cell: ({ getValue }) => (getValue() === null ? "–" : `${(getValue()! / 1000).toFixed(1)} s`) }),
      columnHelper.display({
        id: "notes",
        header: t("finapi.message"),
        cell: ({ row }) => <div className="text-ui-fg-subtle line-clamp-2 whitespace-normal break-words" title={notes(row.original, t)}>{notes(row.original, t) || "–"}</div>,
      }),
    ],
    [t, i18n.language]
  )
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("finapi.incomingPaymentsPage.history")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("finapi.incomingPaymentsPage.historyHint")}</Text>
      </div>
      <PagedTable
        testId="finapi-sync-runs"
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
    ...(run.errors ?? []).map((e) => e.message),
    ...(run.skipped ?? []).map((s) => s.message),
    ...(leftOut.length ? [t("finapi.statements.leftOutList", { list: leftOut.join(", ") })] : []),
  ].join(" ")
}
