import { createHash, timingSafeEqual } from "crypto"

const digest = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest()

/**
 * True when `claimed` is the e-mail the order was placed with (case and surrounding spaces aside).
 * Both are hashed first, so the comparison takes the same time whatever the input and its length.
 */
export function emailProvesOrder(claimed: unknown, orderEmail: string | null | undefined): boolean {
  if (typeof claimed !== "string" || !claimed.trim() || !orderEmail) {
    return false
  }
  return timingSafeEqual(digest(claimed), digest(orderEmail))
}
