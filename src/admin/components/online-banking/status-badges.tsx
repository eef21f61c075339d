import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { BankConnection, BankInterface } from "../../lib/online-banking-types"

const INTERFACE_COLORS = { connected: "green", not_connected: "grey", error: "red" } as const

export const InterfaceStatusBadge = ({ status }: { status: BankInterface["status"] }) => {
  const { t } = useTranslation()
  return <StatusBadge color={INTERFACE_COLORS[status]}>{t(`finapi.interfaceStatus.${status}`)}</StatusBadge>
}

const CONNECTION_COLORS = {
  active: "green",
  pending: "blue",
  consent_expiring: "orange",
  consent_expired: "red",
  user_action_required: "red",
  failed: "red",
  disconnected: "grey",
} as const

export const ConnectionStatusBadge = ({ status }: { status: BankConnection["status"] }) => {
  const { t } = useTranslation()
  return <StatusBadge color={CONNECTION_COLORS[status]}>{t(`finapi.connectionStatus.${status}`)}</StatusBadge>
}
