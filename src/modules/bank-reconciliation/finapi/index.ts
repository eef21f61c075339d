export { FinapiClient } from "./finapi-client"
export type { FinapiClientConfig, FinapiCallLogEntry, FinapiLogger, FinapiUserCredentials } from "./client-config"
export {
  FinapiError,
  FinapiResponseValidationError,
  FinapiWebFormRequiredError,
  isFinapiError,
} from "./finapi-errors"
export type { FinapiErrorKind } from "./finapi-errors"
export type { DecimalAccount, DecimalTransaction, DecimalTransactionPage } from "./decimal-records"
export { toDecimalString } from "./decimal-amount"
export type { AccountFilter } from "./operations/accounts"
export type { TransactionFilter, TransactionOrder } from "./operations/transactions"
export { MIN_TASK_POLL_INTERVAL_MS } from "./operations/tasks"
export type { WaitForTaskOptions } from "./operations/tasks"
export type { RetryOptions } from "./retry-policy"
export * from "./schemas"
