import { Button, Container, Heading, Select, Text, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { BookingResults } from "../../../components/booking/booking-results"
import { BookingTable } from "../../../components/booking/booking-table"
import { useBookAssignments, useBookings, type BookingLineResult, type BookingRow } from "../../../hooks/booking"
import { formatTotals } from "../../../lib/format"
import { Crumb } from "../../../components/breadcrumb"

const Totals = ({ totals }: { totals: Record<string, string> }) => {
  const { i18n } = useTranslation()
  return <Text size="small" weight="plus">{formatTotals(totals, i18n.language)}</Text>
}

/** Booking: confirmed payments not yet booked, as a list or per customer, with totals; "Start booking" books the selected ones. */
const BookingPage = () => {
  const { t } = useTranslation()
  const [groupBy, setGroupBy] = useState<"customer" | "none">("customer")
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [results, setResults] = useState<BookingLineResult[]>([])
  const [bookedRows, setBookedRows] = useState<Map<string, BookingRow>>(new Map())
  const { data, isLoading } = useBookings(groupBy)
  const book = useBookAssignments()
  const rows = data?.bookings ?? []
  const rowById = useMemo(() => new Map([...bookedRows, ...rows.map((r) => [r.assignment_id, r] as const)]), [rows, bookedRows])

  const toggle = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current)
      ids.forEach((id) => (on ? next.add(id) : next.delete(id)))
      return next
    })

  const start = () => {
    const ids = [...selected]
    setBookedRows(new Map(ids.map((id) => [id, rowById.get(id)!])))
    book.mutate(ids, {
      onSuccess: (response) => {
        setResults(response.results)
        setSelected(new Set())
        const message = response.already_booked
          ? t("finapi.booking.resultToastAlready", { booked: response.booked, already: response.already_booked, failed: response.failed })
          : t("finapi.booking.resultToast", { booked: response.booked, failed: response.failed })
        response.failed ? toast.warning(message) : toast.success(message)
      },
      onError: (error) => toast.error(error.message),
    })
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>{t("finapi.booking.title")}</Heading>
          <Text className="text-ui-fg-subtle" size="small">{t("finapi.booking.hint")}</Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Select size="small" value={groupBy} onValueChange={(v) => setGroupBy(v as "customer" | "none")}>
            <Select.Trigger style={{ width: 160 }} aria-label={t("finapi.booking.groupBy")}><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value="customer">{t("finapi.booking.byCustomer")}</Select.Item>
              <Select.Item value="none">{t("finapi.booking.asList")}</Select.Item>
            </Select.Content>
          </Select>
          <Button size="small" className="whitespace-nowrap" disabled={!selected.size} isLoading={book.isPending} onClick={start} data-testid="finapi-start-booking">
            {selected.size ? t("finapi.booking.start", { count: selected.size }) : t("finapi.booking.startNone")}
          </Button>
        </div>
      </Container>
      <BookingResults results={results} rows={rowById} />
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">{t("finapi.booking.toBookLines", { count: data?.count ?? 0, payments: new Set(rows.map((r) => r.transaction?.id)).size })}</Heading>
          <Totals totals={data?.totals ?? {}} />
        </div>
        {isLoading && <Text className="px-6 py-4" size="small">{t("finapi.loading")}</Text>}
        {!isLoading && !rows.length && <Text className="px-6 py-4 text-ui-fg-subtle" size="small">{t("finapi.booking.empty")}</Text>}
        {rows.length > 0 && <BookingTable rows={rows} groups={groupBy === "customer" ? data?.groups : undefined} selected={selected} onToggle={toggle} />}
      </Container>
    </div>
  )
}

export default BookingPage

export const handle = { breadcrumb: () => <Crumb text="finapi.booking.title" /> }
