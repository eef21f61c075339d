import { Container, createDataTableColumnHelper, DataTablePaginationState, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useCallLog } from "../../hooks/online-banking"
import { formatDateTime } from "../../lib/format"
import type { CallLogEntry } from "../../lib/online-banking-types"
import { PagedTable } from "../paged-table"

const columnHelper = createDataTableColumnHelper<CallLogEntry>()

/** Log tab: every finAPI call made for the interface, newest first, 20 a page. */
export const CallLog = ({ interfaceId }: { interfaceId: string }) => {
  const { t, i18n } = useTranslation()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: 20 })
  const { data, isLoading } = useCallLog(interfaceId, { offset: pagination.pageIndex * pagination.pageSize, limit: pagination.pageSize })
  const columns = useMemo(
    () => [
      columnHelper.accessor("at", { header: t("finapi.time"), size: 180, cell: ({ getValue }) => formatDateTime(getValue(), i18n.language) }),
      columnHelper.accessor("operation", { header: t("finapi.operation"), cell: ({ getValue }) => <span title={getValue()}>{getValue()}</span> }),
      columnHelper.accessor("outcome", {
        header: t("finapi.outcome"),
        size: 120,
        cell: ({ row }) => (
          <StatusBadge color={row.original.outcome === "ok" ? "green" : "red"}>
            {row.original.outcome === "ok" ? "OK" : `${t("finapi.error")} ${row.original.http_status ?? ""}`}
          </StatusBadge>
        ),
      }),
      columnHelper.accessor("request_id", {
        header: t("finapi.requestId"),
        cell: ({ getValue }) => <div className="truncate font-mono text-xs" title={getValue() ?? undefined}>{getValue() ?? "–"}</div>,
      }),
      columnHelper.accessor("error_message", {
        header: t("finapi.message"),
        cell: ({ getValue }) => <div className="line-clamp-2 whitespace-normal break-words" title={getValue() ?? undefined}>{getValue() ?? "–"}</div>,
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
