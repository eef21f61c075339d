import {
  Button,
  Container,
  createDataTableColumnHelper,
  createDataTableCommandHelper,
  DataTable,
  DataTablePaginationState,
  DataTableRowSelectionState,
  DataTableSortingState,
  Heading,
  Input,
  Select,
  StatusBadge,
  Text,
  Tooltip,
  useDataTable,
} from "@medusajs/ui"
import { type ReactNode, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { BankTransaction, BankTransactionStatus, useBankTransactions } from "../../hooks/incoming-payments"
import { useElementWidth } from "../../hooks/narrow"
import { formatDate, formatIban, formatMoney } from "../../lib/format"
import { clampLines, fittedTableCss, oneLine, width } from "../../lib/styles"
import { usePaginationTexts } from "../paged-table"
import { AssignDrawer } from "./assign-drawer"
import { ASSIGNMENT_WIDTH, AssignmentSummary } from "./assignment-summary"
import { BulkIgnorePrompt, useBulkPaymentActions } from "./bulk-payment-actions"
import { KeyboardHelp, usePaymentKeyboard } from "./payment-keyboard"
import { PaymentFilters, paymentFilterQuery, PaymentFilterValues } from "./payment-filters"

const PAGE_SIZE = 20
const ANY_STATUS = "any"
const STATUSES: BankTransactionStatus[] = ["unassigned", "proposed", "assigned", "partially_booked", "booked", "ignored"]
export const STATUS_COLORS = { unassigned: "grey", proposed: "orange", assigned: "blue", partially_booked: "orange", booked: "green", ignored: "grey" } as const

// px: the cells' right padding (pr-6) and the content widths of the fixed columns
const CELL_PADDING = 24
const PAYER_WIDTH = 152
// from this container width on (a 1 920 px window) the payer column shows a whole IBAN
const WIDE_FROM = 1360
const WIDE_PAYER_WIDTH = 200
// below this container width (1 280 px windows and smaller, the admin's sidebar included) the table
// is compact: the date goes under the amount, the purpose under the payer, who takes the rest
const COMPACT_BELOW = 1120
const COMPACT_ASSIGNMENT_WIDTH = 136
// fixed layout with the purpose (5th column; compact: the payer, 3rd) taking the rest; headers cut
// with an ellipsis rather than running into the next one; the keyboard's row highlight; vertically
// centred cells (descendant rules in a <style>: no plugin-only Tailwind classes, see lib/styles)
const tableCss = (compact: boolean) => `${fittedTableCss("finapi-payments", compact ? 3 : 5)}
[data-testid="finapi-payments"] tr:has([data-active]) td { background-color: var(--bg-highlight); }
[data-testid="finapi-payments"] td { vertical-align: middle; }
[data-testid="finapi-payments"] thead th { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }`

const columnHelper = createDataTableColumnHelper<BankTransaction>()
const commandHelper = createDataTableCommandHelper()

/**
 * The imported incoming payments on @medusajs/ui's DataTable: paged and sorted by the server,
 * filtered by status, text, account, dates and amount; select rows for bulk confirm / ignore /
 * book; keyboard: j/k move, Enter opens, c confirms, n next, x selects, ? help. Fits 1 440 px:
 * fixed widths (inline, see lib/styles) for the short columns, the purpose takes what is left and
 * shows at most two lines, the full text on hover and in the drawer. In a narrower container
 * (1 024 and 1 280 px windows) the date and purpose columns fold into the amount and payer cells.
 */
export const TransactionsTable = () => {
  const { t, i18n } = useTranslation()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [sorting, setSorting] = useState<DataTableSortingState | null>(null)
  const [selection, setSelection] = useState<DataTableRowSelectionState>({})
  const [status, setStatus] = useState<string>(ANY_STATUS)
  const [q, setQ] = useState("")
  const [more, setMore] = useState<PaymentFilterValues>({ showProcessed: false })
  const [openId, setOpenId] = useState<string | null>(null)
  const [containerRef, containerWidth] = useElementWidth()
  const compact = containerWidth !== null && containerWidth < COMPACT_BELOW
  const payerWidth = (containerWidth ?? 0) >= WIDE_FROM ? WIDE_PAYER_WIDTH : PAYER_WIDTH
  const firstPage = () => setPagination((p) => ({ ...p, pageIndex: 0 }))
  const { data, isLoading } = useBankTransactions({
    ...paymentFilterQuery(more),
    status: status === ANY_STATUS ? undefined : (status as BankTransactionStatus),
    q: q.trim() || undefined,
    order: sorting ? `${sorting.desc ? "-" : ""}${sorting.id}` : undefined,
    offset: pagination.pageIndex * pagination.pageSize,
    limit: pagination.pageSize,
  })
  const rows = data?.transactions ?? []
  const bulk = useBulkPaymentActions(rows, () => setSelection({}))
  const keyboard = usePaymentKeyboard({ rows, openId, setOpenId, setSelection, confirm: bulk.confirmOne })
  const open = rows.find((row) => row.id === openId) ?? null

  const dateOf = (row: BankTransaction) => (
    <span className="tabular-nums" data-testid="finapi-payment-date" data-active={keyboard.activeId === row.id || undefined}>
      {formatDate(row.booking_date, i18n.language)}
    </span>
  )
  const purposeOf = (row: BankTransaction, lines: number) => (
    <div style={clampLines(lines)} title={row.purpose ?? undefined} data-testid="finapi-payment-purpose">
      {row.purpose ?? "–"}
    </div>
  )

  const columns = useMemo(
    () => [
      columnHelper.select(),
      ...(compact ? [] : [columnHelper.accessor("booking_date", {
        header: t("finapi.incomingPaymentsPage.bookingDate"),
        size: 120,
        enableSorting: true,
        sortAscLabel: t("finapi.sort.oldest"),
        sortDescLabel: t("finapi.sort.newest"),
        cell: ({ row }) => dateOf(row.original),
      })]),
      columnHelper.accessor("amount", {
        header: t("finapi.incomingPaymentsPage.amount"),
        size: compact ? 120 : 112,
        enableSorting: true,
        align: "right",
        sortAscLabel: t("finapi.sort.smallest"),
        sortDescLabel: t("finapi.sort.largest"),
        cell: ({ getValue, row }) => {
          const amount = <span className="tabular-nums">{formatMoney(getValue(), row.original.currency_code.toUpperCase(), i18n.language)}</span>
          return compact ? <div className="flex flex-col items-end">{amount}<span className="text-ui-fg-subtle text-xs">{dateOf(row.original)}</span></div> : amount
        },
      }),
      columnHelper.accessor("counterpart_name", {
        header: compact ? `${t("finapi.incomingPaymentsPage.payer")} · ${t("finapi.incomingPaymentsPage.purpose")}` : t("finapi.incomingPaymentsPage.payer"),
        size: compact ? undefined : payerWidth + CELL_PADDING,
        cell: ({ row }) => <PayerCell transaction={row.original} width={payerWidth} purpose={compact ? purposeOf(row.original, 1) : null} />,
      }),
      ...(compact ? [] : [columnHelper.accessor("purpose", {
        header: t("finapi.incomingPaymentsPage.purpose"),
        cell: ({ row }) => purposeOf(row.original, 2),
      })]),
      columnHelper.accessor("status", {
        header: t("finapi.status"),
        size: compact ? 152 : 160,
        cell: ({ row }) => <StatusCell transaction={row.original} />,
      }),
      columnHelper.display({
        id: "assignment",
        header: t("finapi.assignment.column"),
        size: (compact ? COMPACT_ASSIGNMENT_WIDTH : ASSIGNMENT_WIDTH) + CELL_PADDING,
        cell: ({ row }) => (
          <AssignmentSummary assignments={row.original.assignments} currency={row.original.currency_code} contentWidth={compact ? COMPACT_ASSIGNMENT_WIDTH : ASSIGNMENT_WIDTH} />
        ),
      }),
      columnHelper.display({
        id: "open",
        header: "",
        size: 96,
        cell: ({ row }) => (
          <Button size="small" variant="secondary" data-testid="finapi-assign-open" onClick={() => setOpenId(row.original.id)}>
            {["booked", "ignored"].includes(row.original.status) ? t("finapi.assignment.open") : t("finapi.assignment.review")}
          </Button>
        ),
      }),
    ],
    [t, i18n.language, keyboard.activeId, compact, payerWidth]
  )

  const table = useDataTable({
    columns,
    data: rows,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    sorting: { state: sorting, onSortingChange: (next) => (setSorting(next), firstPage()) },
    rowSelection: { state: selection, onRowSelectionChange: setSelection },
    commands: [
      commandHelper.command({ label: t("finapi.bulk.confirm"), shortcut: "a", action: (s) => bulk.confirm(Object.keys(s)) }),
      commandHelper.command({ label: t("finapi.bulk.ignore"), shortcut: "i", action: (s) => bulk.askIgnore(Object.keys(s)) }),
      commandHelper.command({ label: t("finapi.bulk.book"), shortcut: "b", action: (s) => bulk.book(Object.keys(s)) }),
    ],
  })

  return (
    <Container ref={containerRef} className="divide-y p-0" data-testid="finapi-payments">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <Heading level="h2">{t("finapi.incomingPaymentsPage.transactions")}</Heading>
        <div className="flex items-center gap-x-2">
          <Input
            size="small"
            type="search"
            style={width(320)}
            placeholder={t("finapi.incomingPaymentsPage.search")}
            value={q}
            onChange={(e) => (setQ(e.target.value), firstPage())}
            // Escape leaves the field, so the list's keys work again
            // (not the search field's own Escape, which would clear the text and with it the list's filter)
            onKeyDown={(e) => e.key === "Escape" && (e.preventDefault(), e.currentTarget.blur())}
          />
          <Select size="small" value={status} onValueChange={(value) => (setStatus(value), firstPage())}>
            <Select.Trigger style={width(176)} aria-label={t("finapi.status")}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ANY_STATUS}>{t("finapi.incomingPaymentsPage.anyStatus")}</Select.Item>
              {STATUSES.map((s) => (
                <Select.Item key={s} value={s}>{t(`finapi.incomingPaymentsPage.transactionStatus.${s}`)}</Select.Item>
              ))}
            </Select.Content>
          </Select>
          <KeyboardHelp open={keyboard.helpOpen} onOpenChange={keyboard.setHelpOpen} />
        </div>
      </div>
      <PaymentFilters value={more} onChange={(next) => (setMore(next), firstPage())} />
      <style>{tableCss(compact)}</style>
      <DataTable instance={table}>
        <DataTable.Table
          emptyState={{
            empty: { heading: t("finapi.incomingPaymentsPage.noTransactions") },
            filtered: { heading: t("finapi.incomingPaymentsPage.noMatches") },
          }}
        />
        <DataTable.Pagination translations={usePaginationTexts()} />
        <DataTable.CommandBar selectedLabel={(count) => t("finapi.bulk.selected", { count })} />
      </DataTable>
      <BulkIgnorePrompt state={bulk.ignoreState} onCancel={bulk.cancelIgnore} onConfirm={bulk.ignore} />
      <AssignDrawer transaction={open} onOpenChange={(isOpen) => !isOpen && setOpenId(null)} />
    </Container>
  )
}

/** Name over IBAN (compact table: and the purpose); one line each, shortened, the full values on hover. */
const PayerCell = ({ transaction, width: px, purpose }: { transaction: BankTransaction; width: number; purpose: ReactNode }) => {
  const iban = formatIban(transaction.counterpart_iban)
  return (
    <div className="flex flex-col" style={purpose ? { width: "100%", minWidth: 0 } : width(px)} title={`${transaction.counterpart_name ?? "–"}\n${iban}`}>
      <span style={oneLine}>{transaction.counterpart_name ?? "–"}</span>
      <span className="text-ui-fg-subtle font-mono text-xs" style={oneLine}>{iban}</span>
      {purpose}
    </div>
  )
}

const StatusCell = ({ transaction }: { transaction: BankTransaction }) => {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col items-start gap-y-1">
      <StatusBadge color={STATUS_COLORS[transaction.status]}>{t(`finapi.incomingPaymentsPage.transactionStatus.${transaction.status}`)}</StatusBadge>
      {transaction.is_potential_duplicate && (
        <Tooltip content={t("finapi.incomingPaymentsPage.potentialDuplicateHint")}>
          <Text size="xsmall" className="text-ui-fg-subtle">{t("finapi.incomingPaymentsPage.potentialDuplicate")}</Text>
        </Tooltip>
      )}
    </div>
  )
}
