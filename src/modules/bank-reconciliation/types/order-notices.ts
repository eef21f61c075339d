/** One step of the prepayment loop that happened to an order (claimOrderNotice). */
export type OrderNoticeClaim = { order_id: string; kind: string; key: string; template: string | null; data: Record<string, unknown>; happened_at: Date }
