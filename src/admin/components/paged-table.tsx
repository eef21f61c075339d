import { DataTable, DataTablePaginationState, useDataTable, type DataTableColumnDef } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

type Props<T> = {
  columns: DataTableColumnDef<T, any>[]
  rows: T[]
  count: number
  isLoading: boolean
  pagination: DataTablePaginationState
  onPaginationChange: (next: DataTablePaginationState) => void
  empty: string
  testId: string
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
export function PagedTable<T extends { id: string }>({ columns, rows, count, isLoading, pagination, onPaginationChange, empty, testId }: Props<T>) {
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
      <DataTable instance={table}>
        <DataTable.Table emptyState={{ empty: { heading: empty } }} />
        <DataTable.Pagination translations={usePaginationTexts()} />
      </DataTable>
    </div>
  )
}
