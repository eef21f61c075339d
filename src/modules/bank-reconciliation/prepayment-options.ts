import { z } from "@medusajs/framework/zod"
import { ADMIN_FEED_LANGUAGES } from "./admin-feed-notices"
import { ORDER_NOTICE_KINDS } from "./order-notice-kinds"

const days = z.number().int().min(1).max(365)

/**
 * The prepayment loop (plugin option `prepayment`): reminders on given days after the order, an
 * optional cancel of unpaid orders, and the shop's notification templates. A notification is only
 * sent for a kind that has a template.
 */
export const prepaymentOptionsSchema = z
  .object({
    reminders: z
      .object({
        days: z
          .array(days)
          .max(10)
          .refine((list) => list.every((d, i) => i === 0 || d > list[i - 1]), { message: "must be ascending, e.g. [3, 7]" })
          .default([]),
      })
      .default({ days: [] }),
    autoCancel: z.object({ afterDays: days.nullable().default(null) }).default({ afterDays: null }),
    // count Monday to Friday only (no public holidays)
    workingDays: z.boolean().default(false),
    notifications: z
      .object({
        channel: z.string().min(1).default("email"),
        templates: z.partialRecord(z.enum(ORDER_NOTICE_KINDS), z.string().min(1)).default({}),
        // the admin's notification feed (consent expiring, payments needing a decision)
        adminFeed: z.boolean().default(true),
        // the feed shows stored text, so its notices are written in one language for every admin user
        adminFeedLanguage: z.enum(ADMIN_FEED_LANGUAGES).default("en"),
      })
      .default({ channel: "email", templates: {}, adminFeed: true, adminFeedLanguage: "en" }),
  })
  .superRefine((value, ctx) => {
    const last = value.reminders.days.at(-1)
    if (value.autoCancel.afterDays !== null && last !== undefined && last >= value.autoCancel.afterDays) {
      ctx.addIssue({ code: "custom", path: ["autoCancel", "afterDays"], message: "must be after the last reminder day" })
    }
  })
  .default({
    reminders: { days: [] },
    autoCancel: { afterDays: null },
    workingDays: false,
    notifications: { channel: "email", templates: {}, adminFeed: true, adminFeedLanguage: "en" },
  })

export type PrepaymentOptions = z.infer<typeof prepaymentOptionsSchema>
