// The online-banking routes' response types, defined once beside the routes (src/types/http).
export type { BankAccount, BankConnection, BankInterface, CallLogEntry } from "../../types/http"
