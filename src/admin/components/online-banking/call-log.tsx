import { Container, createDataTableColumnHelper, DataTablePaginationState, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useCallLog } from "../../hooks/online-banking"
import { formatDateTime } from "../../lib/format"
import type { CallLogEntry } from "../../lib/online-banking-types"
import { PagedTable } from "../paged-table"
import { clampLines, oneLine } from "../../lib/styles"

const columnHelper = createDataTableColumnHelper<CallLogEntry>()

/** Log tab: every finAPI call made for the interface, newest first, 20 a page. */
export const CallLog = ({ interfaceId }: { interfaceId: string }) => {
  const { t, i18n } = useTranslation()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: 20 })
  const { data, isLoading } = useCallLog(interfaceId, { offset: pagination.pageIndex * pagination.pageSize, limit: pagination.pageSize })
  const columns = useMemo(
    () => [
      // the first column also has the row's left padding (24 px)
      columnHelper.accessor("at", { header: t("finapi.time"), size: 224, cell: ({ getValue }) => formatDateTime(getValue(), i18n.language) }),
      columnHelper.accessor("operation", { header: t("finapi.operation"), size: 232, cell: ({ getValue }) => <div style={{ ...oneLine, maxWidth: 208 }} title={getValue()}>{getValue()}</div> }),
      columnHelper.accessor("outcome", {
        header: t("finapi.outcome"),
        size: 128,
        cell: ({ row }) => (
          <StatusBadge color={row.original.outcome === "ok" ? "green" : "red"}>
            {row.original.outcome === "ok" ? "OK" : `${t("finapi.error")} ${row.original.http_status ?? ""}`}
          </StatusBadge>
        ),
      }),
      columnHelper.accessor("request_id", {
        header: t("finapi.requestId"),
        // a finAPI request id (UUID) in full: support asks for it
        size: 304,
        cell: ({ getValue }) => <div className="font-mono text-xs" style={{ ...oneLine, maxWidth: 280 }} title={getValue() ?? undefined}>{getValue() ?? "–"}</div>,
      }),
      columnHelper.accessor("error_message", {
        header: t("finapi.message"),
        cell: ({ getValue }) => <div style={clampLines(2)} title={getValue() ?? undefined}>{getValue() ?? "–"}</div>,
      }),
    ],
    [t, i18n.language]
  )
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("finapi.log")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("finapi.logHint")}</Text>
      </div>
      <PagedTable
        testId="finapi-call-log"
        fill={5}
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
