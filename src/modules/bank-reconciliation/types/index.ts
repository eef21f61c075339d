export * from "./assignments"
export * from "./refunds"
export * from "./transactions"
export * from "./order-notices"
