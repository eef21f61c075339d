/**
 * Every key the plugin takes in Medusa's locking module, built in one place: two workflows that must
 * exclude each other only do so when they spell the key alike. The plugin's own keys carry a `finapi:`
 * namespace so that they never meet Medusa's (which lock bare cart and order ids); the one exception,
 * `orderLockKey`, is meant to meet them.
 */

/** A payment's or an order's key while an assignment to it is made, changed, booked or cancelled. */
export const assignmentLockKey = (id: string) => `finapi:assign:${id}`

/**
 * The keys of a payment and its orders (or of orders alone), without repeats and sorted, so two runs
 * always take them in the same order.
 */
export function assignmentLockKeys(transactionId: string | null, orderIds: string[] = []): string[] {
  const ids = transactionId ? [transactionId, ...orderIds] : orderIds
  return [...new Set(ids)].map(assignmentLockKey).sort()
}

/**
 * An order's bare id: the key Medusa's own order workflows lock (order edits and the like), so a plugin
 * workflow that writes the order waits for them and they for it.
 */
export const orderLockKey = (orderId: string) => orderId

/** A bank interface's key: creating or checking its finAPI user, refreshing its connections. */
export const bankInterfaceLockKey = (interfaceId: string) => `finapi:bank-interface:${interfaceId}`

/** A bank connection's key: renewing, syncing from the web form, disconnecting or removing it. */
export const bankConnectionLockKey = (connectionId: string) => `finapi:bank-connection:${connectionId}`

/** A bank account's key while its payments are imported; a busy account is skipped, not waited for. */
export const accountImportLockKey = (bankAccountId: string) => `finapi:import:${bankAccountId}`

/** One auto-assign run at a time: two runs would propose the same money twice. */
export const AUTO_ASSIGN_LOCK_KEY = "finapi:auto-assign"
