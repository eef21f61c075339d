import { DataTable, DataTablePaginationState, useDataTable, type DataTableColumnDef } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { fittedTableCss } from "../lib/styles"

type Props<T> = {
  columns: DataTableColumnDef<T, any>[]
  rows: T[]
  count: number
  isLoading: boolean
  pagination: DataTablePaginationState
  onPaginationChange: (next: DataTablePaginationState) => void
  empty: string
  testId: string
  /** 1-based column that takes the width the sized columns leave (fixed table layout, fits its container) */
  fill: number
}

/** The pagination's words in the admin's language. */
export function usePaginationTexts() {
  const { t } = useTranslation()
  return {
    of: t("finapi.incomingPaymentsPage.of"),
    results: t("finapi.incomingPaymentsPage.results"),
    pages: t("finapi.incomingPaymentsPage.pages"),
    prev: t("finapi.incomingPaymentsPage.prev"),
    next: t("finapi.incomingPaymentsPage.next"),
  }
}

/** A read-only DataTable paged by the server (import history, call log), with the plugin's pagination texts. */
export function PagedTable<T extends { id: string }>({ columns, rows, count, isLoading, pagination, onPaginationChange, empty, testId, fill }: Props<T>) {
  const table = useDataTable({
    columns,
    data: rows,
    getRowId: (row) => row.id,
    rowCount: count,
    isLoading,
    pagination: { state: pagination, onPaginationChange },
  })
  return (
    <div data-testid={testId}>
      <style>{fittedTableCss(testId, fill)}</style>
      <DataTable instance={table}>
        <DataTable.Table emptyState={{ empty: { heading: empty } }} />
        <DataTable.Pagination translations={usePaginationTexts()} />
      </DataTable>
    </div>
  )
}
