import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingsSolid, CheckCircleSolid } from "@medusajs/icons"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { CreateInterfaceModal } from "../../../components/online-banking/create-interface-modal"
import { InterfaceStatusBadge } from "../../../components/online-banking/status-badges"
import { useBankInterfaces } from "../../../hooks/online-banking"
import { Crumb } from "../../../components/breadcrumb"

const OnlineBankingPage = () => {
  const { t } = useTranslation()
  const { data, isLoading } = useBankInterfaces()
  const interfaces = data?.interfaces ?? []
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>{t("finapi.onlineBanking")}</Heading>
          <Text className="text-ui-fg-subtle" size="small">{t("finapi.onlineBankingHint")}</Text>
        </div>
        <CreateInterfaceModal />
      </div>
      {isLoading ? (
        <Text className="px-6 py-4 text-ui-fg-subtle" size="small">{t("finapi.loading")}</Text>
      ) : !interfaces.length ? (
        <div className="px-6 py-8">
          <Text className="text-ui-fg-subtle">{t("finapi.noInterfaces")}</Text>
        </div>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("finapi.name")}</Table.HeaderCell>
              <Table.HeaderCell>{t("finapi.description")}</Table.HeaderCell>
              <Table.HeaderCell>{t("finapi.status")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {interfaces.map((row) => (
              <Table.Row key={row.id}>
                <Table.Cell>
                  <Link to={`/settings/online-banking/${row.id}`} className="text-ui-fg-interactive flex items-center gap-x-2">
                    {row.status === "connected" && <CheckCircleSolid className="text-ui-tag-green-icon" />}
                    {row.name}
                  </Link>
                </Table.Cell>
                <Table.Cell>{row.description ?? "–"}</Table.Cell>
                <Table.Cell>
                  <InterfaceStatusBadge status={row.status} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "finapi.onlineBanking",
  translationNs: "translation",
  icon: BuildingsSolid,
})

export default OnlineBankingPage

export const handle = { breadcrumb: () => <Crumb text="finapi.onlineBanking" /> }
