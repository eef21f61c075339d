import { Container, createDataTableColumnHelper, DataTablePaginationState, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNarrowerThan } from "../../hooks/narrow"
import { useCallLog } from "../../hooks/online-banking"
import { formatDateTime } from "../../lib/format"
import type { CallLogEntry } from "../../lib/online-banking-types"
import { PagedTable } from "../paged-table"
import { clampLines, oneLine } from "../../lib/styles"

const columnHelper = createDataTableColumnHelper<CallLogEntry>()
// below this container width (1 280 px windows and smaller) the request id goes under the operation
const COMPACT_BELOW = 1120

/** Log tab: every finAPI call made for the interface, newest first, 20 a page. */
export const CallLog = ({ interfaceId }: { interfaceId: string }) => {
  const { t, i18n } = useTranslation()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: 20 })
  const { data, isLoading } = useCallLog(interfaceId, { offset: pagination.pageIndex * pagination.pageSize, limit: pagination.pageSize })
  const [containerRef, compact] = useNarrowerThan(COMPACT_BELOW)
  const columns = useMemo(() => {
    const requestId = (id: string | null) => <div className="font-mono text-xs" style={{ ...oneLine, maxWidth: 280 }} title={id ?? undefined}>{id ?? "–"}</div>
    return [
      // the first column also has the row's left padding (24 px)
      columnHelper.accessor("at", { header: t("finapi.time"), size: 200, cell: ({ getValue }) => formatDateTime(getValue(), i18n.language) }),
      columnHelper.accessor("operation", {
        header: compact ? `${t("finapi.operation")} · ${t("finapi.requestId")}` : t("finapi.operation"),
        size: compact ? 304 : 232,
        cell: ({ row }) => (
          <div className="flex flex-col">
            <div style={{ ...oneLine, maxWidth: 280 }} title={row.original.operation}>{row.original.operation}</div>
            {compact && requestId(row.original.request_id)}
          </div>
        ),
      }),
      columnHelper.accessor("outcome", {
        header: t("finapi.outcome"),
        size: 128,
        cell: ({ row }) => (
          <StatusBadge color={row.original.outcome === "ok" ? "green" : "red"}>
            {row.original.outcome === "ok" ? "OK" : `${t("finapi.error")} ${row.original.http_status ?? ""}`}
          </StatusBadge>
        ),
      }),
      // a finAPI request id (UUID) in full: support asks for it
      ...(compact ? [] : [columnHelper.accessor("request_id", { header: t("finapi.requestId"), size: 304, cell: ({ getValue }) => requestId(getValue()) })]),
      columnHelper.accessor("error_message", {
        header: t("finapi.message"),
        cell: ({ getValue }) => <div style={clampLines(2)} title={getValue() ?? undefined}>{getValue() ?? "–"}</div>,
      }),
    ]
  }, [t, i18n.language, compact])
  return (
    <Container ref={containerRef} className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("finapi.log")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("finapi.logHint")}</Text>
      </div>
      <PagedTable
        testId="finapi-call-log"
        fill={compact ? 4 : 5}
        columns={columns}
        rows={data?.log ?? []}
        count={data?.count ?? 0}
        isLoading={isLoading}
        pagination={pagination}
        onPaginationChange={setPagination}
        empty={t("finapi.logEmpty")}
      />
    </Container>
  )
}
