import { Container, Heading, Tabs, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useParams } from "react-router-dom"
import { BankConnections } from "../../../../components/online-banking/bank-connections"
import { CallLog } from "../../../../components/online-banking/call-log"
import { InterfaceSettings } from "../../../../components/online-banking/interface-settings"
import { InterfaceStatusBadge } from "../../../../components/online-banking/status-badges"
import { useBankInterface } from "../../../../hooks/online-banking"
import { InterfaceCrumb } from "../../../../components/breadcrumb"

const OnlineBankingInterfacePage = () => {
  const { id } = useParams()
  const { t } = useTranslation()
  const { data, isLoading } = useBankInterface(id!)
  if (isLoading || !data) {
    return <Container className="px-6 py-4"><Text>{t("finapi.loading")}</Text></Container>
  }
  const bankInterface = data.interface
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>{bankInterface.name}</Heading>
          {bankInterface.description && <Text size="small" className="text-ui-fg-subtle">{bankInterface.description}</Text>}
        </div>
        <InterfaceStatusBadge status={bankInterface.status} />
      </Container>
      <Tabs defaultValue={bankInterface.status === "connected" ? "connections" : "settings"}>
        <Tabs.List>
          <Tabs.Trigger value="settings">{t("finapi.tabSettings")}</Tabs.Trigger>
          <Tabs.Trigger value="connections">{t("finapi.tabConnections")}</Tabs.Trigger>
          <Tabs.Trigger value="log">{t("finapi.tabLog")}</Tabs.Trigger>
        </Tabs.List>
        <div className="mt-3">
          <Tabs.Content value="settings"><InterfaceSettings bankInterface={bankInterface} /></Tabs.Content>
          <Tabs.Content value="connections"><BankConnections bankInterface={bankInterface} /></Tabs.Content>
          <Tabs.Content value="log"><CallLog interfaceId={bankInterface.id} /></Tabs.Content>
        </div>
      </Tabs>
    </div>
  )
}

export default OnlineBankingInterfacePage

export const handle = { breadcrumb: (match: { params: { id?: string } }) => <InterfaceCrumb id={match.params.id!} /> }
