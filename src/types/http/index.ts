// The admin API's response bodies, one definition for the routes and the admin (`import type`).
export type * from "./bookings"
export type * from "./online-banking"
export type * from "./prepayment"
export type * from "./refunds"
export type * from "./transactions"
