import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CurrencyDollar } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { AssignAutomaticallyButton } from "../../components/incoming-payments/assign-automatically-button"
import { GetDataModal } from "../../components/incoming-payments/get-data-modal"
import { OverviewHeader } from "../../components/incoming-payments/overview-header"
import { SyncRunsTable } from "../../components/incoming-payments/sync-runs-table"
import { TransactionsTable } from "../../components/incoming-payments/transactions-table"
import { Crumb } from "../../components/breadcrumb"
import { UploadStatementModal } from "../../components/incoming-payments/upload-statement-modal"

/** Incoming payments: "Get data", the imported bank transactions and the import history. */
const IncomingPaymentsPage = () => {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col gap-y-3">
      {/* in a narrow window the actions wrap below the title rather than squeezing the hint */}
      <Container className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div style={{ flex: "1 1 320px" }}>
          <Heading>{t("finapi.incomingPayments")}</Heading>
          <Text className="text-ui-fg-subtle" size="small">{t("finapi.incomingPaymentsPage.hint")}</Text>
        </div>
        {/* each action keeps one line ("Kontoauszug hochladen"); they wrap below the hint when the window is narrow */}
        <div className="flex flex-wrap items-center gap-2 whitespace-nowrap">
          <Button size="small" variant="secondary" asChild>
            <Link to="/incoming-payments/booking">{t("finapi.booking.link")}</Link>
          </Button>
          <Button size="small" variant="secondary" asChild>
            <Link to="/incoming-payments/refunds">{t("finapi.refunds.link")}</Link>
          </Button>
          <AssignAutomaticallyButton />
          <UploadStatementModal />
          <GetDataModal />
        </div>
      </Container>
      <OverviewHeader />
      <TransactionsTable />
      <SyncRunsTable />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "finapi.incomingPayments",
  translationNs: "translation",
  icon: CurrencyDollar,
})

export default IncomingPaymentsPage

export const handle = { breadcrumb: () => <Crumb text="finapi.incomingPayments" /> }
