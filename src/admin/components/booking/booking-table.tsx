import { Checkbox, createDataTableColumnHelper, DataTable, DataTableRowSelectionState, Text, useDataTable } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import type { BookingGroup, BookingRow } from "../../hooks/booking"
import { formatDate, formatMoney, formatTotals } from "../../lib/format"
import { clampLines, fittedTableCss, oneLine, width } from "../../lib/styles"

type Props = {
  rows: BookingRow[]
  /** By customer: the rows in their groups' order, the customer named once at the top of its group with its lines and total */
  groups?: BookingGroup[]
  selected: Set<string>
  onToggle: (ids: string[], on: boolean) => void
}

const columnHelper = createDataTableColumnHelper<BookingRow>()
// px, with the cells' right padding; the payment column takes the rest
const ORDER_WIDTH = 96
const CUSTOMER_WIDTH = 240
const AMOUNT_WIDTH = 148
const CELL_PADDING = 24

/**
 * Confirmed, unbooked payments on @medusajs/ui's DataTable, a checkbox each (and one for all shown).
 * One table with one header also by customer: a group's first row names the customer with its count
 * and total, the group's other rows leave the customer blank. The selection lives in the page; the
 * payment column takes what the fixed columns leave, so the table fits 1 440 px.
 */
export const BookingTable = ({ rows: list, groups, selected, onToggle }: Props) => {
  const { t, i18n } = useTranslation()
  const rows = useMemo(() => (groups ? groups.flatMap((g) => g.rows) : list), [groups, list])
  // the group each group's first row opens
  const opens = useMemo(() => new Map((groups ?? []).filter((g) => g.rows.length).map((g) => [g.rows[0].assignment_id, g])), [groups])
  const ids = rows.map((r) => r.assignment_id)
  const state = useMemo<DataTableRowSelectionState>(() => Object.fromEntries(ids.filter((id) => selected.has(id)).map((id) => [id, true])), [ids.join(), selected])
  const columns = useMemo(
    () => [
      columnHelper.select({
        header: ({ table }) => (
          <Checkbox
            checked={table.getIsSomePageRowsSelected() ? "indeterminate" : table.getIsAllPageRowsSelected()}
            onCheckedChange={(on) => table.toggleAllPageRowsSelected(on === true)}
            aria-label={t("finapi.booking.selectAll")}
          />
        ),
        cell: ({ row }) => <Checkbox checked={row.getIsSelected()} onCheckedChange={(on) => row.toggleSelected(on === true)} aria-label={t("finapi.booking.select")} />,
      }),
      columnHelper.accessor("order_display_id", {
        header: t("finapi.booking.order"),
        size: ORDER_WIDTH,
        cell: ({ getValue }) => <span data-testid="finapi-booking-order">{`#${getValue() ?? "?"}`}</span>,
      }),
      columnHelper.accessor("customer_name", {
        header: t("finapi.booking.customer"),
        size: CUSTOMER_WIDTH,
        cell: ({ row }) => {
          if (!groups) {
            return (
              <div style={{ ...width(CUSTOMER_WIDTH - CELL_PADDING), ...oneLine }} title={row.original.customer_email ?? undefined}>
                {row.original.customer_name ?? row.original.customer_email ?? "–"}
              </div>
            )
          }
          const group = opens.get(row.original.assignment_id)
          return group ? <GroupCell group={group} /> : null
        },
      }),
      columnHelper.display({
        id: "payment",
        header: t("finapi.booking.payment"),
        cell: ({ row }) => {
          const tx = row.original.transaction
          const line = `${formatDate(tx?.booking_date ?? null, i18n.language)} · ${tx?.counterpart_name ?? "–"}`
          return (
            <div className="flex flex-col py-2" title={tx?.purpose ? `${line}\n${tx.purpose}` : line}>
              <Text size="small" style={oneLine}>{line}</Text>
              {row.original.booking_error && (
                <Text size="small" className="text-ui-fg-error" style={clampLines(2)} data-testid="finapi-booking-error">
                  {t("finapi.booking.notBookedBecause", { reason: row.original.booking_error })}
                </Text>
              )}
            </div>
          )
        },
      }),
      columnHelper.accessor("amount", {
        header: t("finapi.booking.amount"),
        size: AMOUNT_WIDTH,
        align: "right",
        cell: ({ row }) => <span className="tabular-nums">{formatMoney(row.original.amount, row.original.currency_code.toUpperCase(), i18n.language)}</span>,
      }),
    ],
    [t, i18n.language, groups, opens]
  )
  const table = useDataTable({
    columns,
    data: rows,
    getRowId: (row) => row.assignment_id,
    rowCount: rows.length,
    rowSelection: {
      state,
      onRowSelectionChange: (next) => {
        const on = ids.filter((id) => next[id])
        const off = ids.filter((id) => !next[id])
        onToggle(on, true)
        onToggle(off, false)
      },
    },
  })
  return (
    <div data-testid="finapi-booking-table">
      {/* the payment (4th column, after the checkbox) takes the rest */}
      <style>{fittedTableCss("finapi-booking-table", 4)}</style>
      <DataTable instance={table}>
        <DataTable.Table />
      </DataTable>
    </div>
  )
}

/** A customer group's first row: the customer, how many lines and their total. */
const GroupCell = ({ group }: { group: BookingGroup }) => {
  const { t, i18n } = useTranslation()
  return (
    <div className="flex flex-col py-2" style={width(CUSTOMER_WIDTH - CELL_PADDING)} title={group.customer_email ?? undefined} data-testid="finapi-booking-group">
      <Text size="small" weight="plus" style={oneLine}>{group.customer_name ?? group.customer_email ?? "–"}</Text>
      <Text size="small" className="text-ui-fg-subtle" style={oneLine}>{t("finapi.booking.groupSummary", { count: group.count, total: formatTotals(group.totals, i18n.language) })}</Text>
    </div>
  )
}
