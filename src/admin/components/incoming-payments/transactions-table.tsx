import { Container, Heading, Input, Select, StatusBadge, Table, Text, Tooltip } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { BankTransactionStatus, useBankTransactions } from "../../hooks/incoming-payments"
import { formatDate, formatIban, formatMoney } from "../../lib/format"
import { AssignDrawer } from "./assign-drawer"
import { EvidenceCell } from "./evidence-cell"
import { PaymentFilters, paymentFilterQuery, PaymentFilterValues } from "./payment-filters"

const PAGE_SIZE = 20
const ANY_STATUS = "any"
const STATUSES: BankTransactionStatus[] = ["unassigned", "proposed", "assigned", "partially_booked", "booked", "ignored"]
const STATUS_COLORS = { unassigned: "grey", proposed: "blue", assigned: "blue", partially_booked: "orange", booked: "green", ignored: "grey" } as const

/** The imported bank transactions: amount, date, payer, IBAN, purpose, status; filter by status and text. */
export const TransactionsTable = () => {
  const { t, i18n } = useTranslation()
  const [pageIndex, setPageIndex] = useState(0)
  const [status, setStatus] = useState<string>(ANY_STATUS)
  const [q, setQ] = useState("")
  const [more, setMore] = useState<PaymentFilterValues>({ showProcessed: false })
  const { data, isLoading } = useBankTransactions({
    ...paymentFilterQuery(more),
    status: status === ANY_STATUS ? undefined : (status as BankTransactionStatus),
    q: q.trim() || undefined,
    offset: pageIndex * PAGE_SIZE,
    limit: PAGE_SIZE,
  })
  const rows = data?.transactions ?? []
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <Heading level="h2">{t("finapi.incomingPaymentsPage.transactions")}</Heading>
        <div className="flex items-center gap-x-2">
          <Input
            size="small"
            type="search"
            placeholder={t("finapi.incomingPaymentsPage.search")}
            value={q}
            onChange={(e) => {
              setQ(e.target.value)
              setPageIndex(0)
            }}
          />
          <Select
            size="small"
            value={status}
            onValueChange={(value) => {
              setStatus(value)
              setPageIndex(0)
            }}
          >
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ANY_STATUS}>{t("finapi.incomingPaymentsPage.anyStatus")}</Select.Item>
              {STATUSES.map((s) => (
                <Select.Item key={s} value={s}>{t(`finapi.incomingPaymentsPage.transactionStatus.${s}`)}</Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      <PaymentFilters
        value={more}
        onChange={(next) => {
          setMore(next)
          setPageIndex(0)
        }}
      />
      {!isLoading && !rows.length ? (
        <div className="px-6 py-8">
          <Text className="text-ui-fg-subtle">{t("finapi.incomingPaymentsPage.noTransactions")}</Text>
        </div>
      ) : (
        <>
          <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("finapi.incomingPaymentsPage.bookingDate")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("finapi.incomingPaymentsPage.amount")}</Table.HeaderCell>
                <Table.HeaderCell>{t("finapi.incomingPaymentsPage.payer")}</Table.HeaderCell>
                <Table.HeaderCell>IBAN</Table.HeaderCell>
                <Table.HeaderCell>{t("finapi.incomingPaymentsPage.purpose")}</Table.HeaderCell>
                <Table.HeaderCell>{t("finapi.status")}</Table.HeaderCell>
                <Table.HeaderCell>{t("finapi.assignment.column")}</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.id}>
                  <Table.Cell>{formatDate(row.booking_date, i18n.language)}</Table.Cell>
                  <Table.Cell className="text-right">{formatMoney(row.amount, row.currency_code.toUpperCase(), i18n.language)}</Table.Cell>
                  <Table.Cell>{row.counterpart_name ?? "–"}</Table.Cell>
                  <Table.Cell><span className="font-mono text-xs">{formatIban(row.counterpart_iban)}</span></Table.Cell>
                  <Table.Cell title={row.purpose ?? undefined}><div className="max-w-[240px] truncate">{row.purpose ?? "–"}</div></Table.Cell>
                  <Table.Cell>
                    <div className="flex items-center gap-x-2">
                      <StatusBadge color={STATUS_COLORS[row.status]}>{t(`finapi.incomingPaymentsPage.transactionStatus.${row.status}`)}</StatusBadge>
                      {row.is_potential_duplicate && (
                        <Tooltip content={t("finapi.incomingPaymentsPage.potentialDuplicateHint")}>
                          <StatusBadge color="orange">{t("finapi.incomingPaymentsPage.potentialDuplicate")}</StatusBadge>
                        </Tooltip>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell><EvidenceCell assignments={row.assignments} currency={row.currency_code} /></Table.Cell>
                  <Table.Cell><AssignDrawer transaction={row} /></Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          </div>
          <Table.Pagination
            count={count}
            pageSize={PAGE_SIZE}
            pageIndex={pageIndex}
            pageCount={pageCount}
            canPreviousPage={pageIndex > 0}
            canNextPage={pageIndex + 1 < pageCount}
            previousPage={() => setPageIndex((p) => Math.max(0, p - 1))}
            nextPage={() => setPageIndex((p) => p + 1)}
            translations={{
              of: t("finapi.incomingPaymentsPage.of"),
              results: t("finapi.incomingPaymentsPage.results"),
              pages: t("finapi.incomingPaymentsPage.pages"),
              prev: t("finapi.incomingPaymentsPage.prev"),
              next: t("finapi.incomingPaymentsPage.next"),
            }}
          />
        </>
      )}
    </Container>
  )
}
