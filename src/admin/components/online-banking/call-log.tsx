import { Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useCallLog } from "../../hooks/online-banking"
import { formatDateTime } from "../../lib/format"

/** Log tab: every finAPI call made for the interface, newest first. */
export const CallLog = ({ interfaceId }: { interfaceId: string }) => {
  const { t, i18n } = useTranslation()
  const { data } = useCallLog(interfaceId)
  const entries = data?.log ?? []
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("finapi.log")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("finapi.logHint")}</Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("finapi.time")}</Table.HeaderCell>
            <Table.HeaderCell>{t("finapi.operation")}</Table.HeaderCell>
            <Table.HeaderCell>{t("finapi.outcome")}</Table.HeaderCell>
            <Table.HeaderCell>{t("finapi.requestId")}</Table.HeaderCell>
            <Table.HeaderCell>{t("finapi.message")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {entries.map((entry) => (
            <Table.Row key={entry.id}>
              <Table.Cell>{formatDateTime(entry.at, i18n.language)}</Table.Cell>
              <Table.Cell>{entry.operation}</Table.Cell>
              <Table.Cell>
                <StatusBadge color={entry.outcome === "ok" ? "green" : "red"}>
                  {entry.outcome === "ok" ? "OK" : `${t("finapi.error")} ${entry.http_status ?? ""}`}
                </StatusBadge>
              </Table.Cell>
              <Table.Cell><span className="font-mono text-xs">{entry.request_id}</span></Table.Cell>
              <Table.Cell>{entry.error_message ?? "–"}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}
