import type { SandboxState } from "./state"
import type { FaultPlan } from "./faults"
import { accessTimestamp } from "./data/dates"
import { centsToAmount } from "./data/money"

/** A readable snapshot for debugging: everything except transaction rows (only their counts). */
export function describeState(state: SandboxState, faults: FaultPlan) {
  const counts = state.transactions.countsByAccount()
  const at = (ms: number | null) => (ms === null ? null : accessTimestamp(ms))
  return {
    seed: state.seed,
    now: at(state.now()),
    settings: { ...state.settings, clientSecret: "XXXXX" },
    users: [...state.users.values()].map((u) => ({ id: u.id, isAutoUpdateEnabled: u.isAutoUpdateEnabled })),
    tokens: [...state.tokens.values()].map((t) => ({ kind: t.kind, userId: t.userKey, expiresAt: at(t.expiresAt), token: `${t.token.slice(0, 6)}…` })),
    bankConnections: [...state.connections.values()].map((c) => ({
      id: c.id,
      userId: c.userKey,
      bankId: c.bankId,
      name: c.name,
      pinSaved: c.pinSaved,
      consentExpiresAt: at(c.consentExpiresAt),
      userActionRequired: c.userActionRequired,
      updateStatus: c.busyUntil === null ? "READY" : "IN_PROGRESS",
      accountIds: c.accountIds,
    })),
    accounts: [...state.accounts.values()].map((a) => ({
      id: a.id,
      bankConnectionId: a.bankConnectionId,
      accountName: a.accountName,
      iban: a.iban,
      balance: centsToAmount(a.balanceCents),
      transactions: counts[a.id] ?? { stored: 0, generated: 0 },
    })),
    webForms: [...state.webForms.values()].map((f) => ({ id: f.id, type: f.type, status: f.status, step: f.step, bankConnectionId: f.bankConnectionId, errorCode: f.errorCode, expiresAt: at(f.expiresAt) })),
    tasks: [...state.tasks.values()].map((t) => ({ id: t.id, status: t.status, bankConnectionId: t.bankConnectionId, webFormId: t.webFormId, errorCode: t.errorCode })),
    notificationRules: [...state.notificationRules.values()],
    faults: faults.list(),
    callbackDeliveries: state.callbackDeliveries,
  }
}
